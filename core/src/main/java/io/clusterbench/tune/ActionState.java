package io.clusterbench.tune;

import io.clusterbench.result.OrderedMaps;
import java.util.Map;
import java.util.Objects;

/**
 * The state read back after a change or a rollback.
 *
 * @param values the state read: parameter to value, or for commands the check command's output
 * @param verified whether it is what the step meant to reach (a read-back that differs fails the action)
 * @param message one sentence on what was read and why it does or does not match, with the values
 */
public record ActionState(Map<String, String> values, boolean verified, String message) {

    public ActionState {
        values = OrderedMaps.copyOf(values);
        Objects.requireNonNull(message, "message");
    }
}
