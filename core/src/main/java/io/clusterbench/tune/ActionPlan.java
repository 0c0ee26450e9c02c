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
 * @param knownToFail why apply is known to fail, found without changing anything (a value the server would refuse,
 *     a check command that is not there); empty when nothing is known against it. The preflight reads this.
 */
public record ActionPlan(
        String target,
        Map<String, String> before,
        Map<String, String> wanted,
        List<String> command,
        Change change,
        boolean reversible,
        String note,
        String knownToFail) {

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
        Objects.requireNonNull(knownToFail, "knownToFail");
    }

    /** A plan with nothing known against it. */
    public ActionPlan(String target, Map<String, String> before, Map<String, String> wanted, List<String> command,
            Change change, boolean reversible, String note) {
        this(target, before, wanted, command, change, reversible, note, "");
    }

    /** This plan, known to fail for the given reason. */
    public ActionPlan failing(String why) {
        return new ActionPlan(target, before, wanted, command, change, reversible, note, why);
    }

    /** Whether apply is known to fail; {@link #knownToFail()} says why. */
    public boolean fails() {
        return !knownToFail.isEmpty();
    }
}
