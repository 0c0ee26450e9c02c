package io.clusterbench.tune;

import io.clusterbench.result.OrderedMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an action found and would do, worked out without changing anything.
 *
 * @param target what the action changes, without credentials ({@code redis://10.0.0.71:6379}, {@code ops@sark})
 * @param before the current state: parameter to value, or for commands the check command's output
 * @param wanted the state the spec asks for (empty when a command's effect cannot be predicted)
 * @param command the command that apply will run, as an argument list, when there is one
 * @param change whether apply would change anything
 * @param reversible whether rollback can restore {@code before}
 * @param note one sentence for the plan line, e.g. why a change is not reversible or what a check found
 */
public record ActionPlan(
        String target,
        Map<String, String> before,
        Map<String, String> wanted,
        List<String> command,
        Change change,
        boolean reversible,
        String note) {

    /** What apply would do. */
    public enum Change {
        /** Apply changes something. */
        CHANGE,
        /** Already at the wanted state: apply sends nothing. */
        UNCHANGED,
        /** A check by design: apply only reads and reports (vllm-gpu-memory). */
        CHECK_ONLY
    }

    public ActionPlan {
        Objects.requireNonNull(target, "target");
        before = OrderedMaps.copyOf(before);
        wanted = OrderedMaps.copyOf(wanted);
        command = List.copyOf(command);
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(note, "note");
    }
}
