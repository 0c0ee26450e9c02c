package io.clusterbench.result;

import java.util.Map;
import java.util.Objects;

/**
 * How one tuning action ended, for reports: what it found, what it wanted, what it left.
 *
 * @param action the action id from the spec
 * @param kind the action kind
 * @param target what the action changes, without credentials
 * @param status how it ended
 * @param before the state read before any change
 * @param wanted the state the spec asks for
 * @param after the state read back at the end (after a rollback: the restored state)
 * @param verified whether the final state was read back and matched what was expected
 * @param message one sentence on the outcome, with the numbers
 */
public record ChangeOutcome(
        String action,
        String kind,
        String target,
        ChangeStatus status,
        Map<String, String> before,
        Map<String, String> wanted,
        Map<String, String> after,
        boolean verified,
        String message) {

    public ChangeOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        before = OrderedMaps.copyOf(before);
        wanted = OrderedMaps.copyOf(wanted);
        after = OrderedMaps.copyOf(after);
        Objects.requireNonNull(message, "message");
    }
}
