package io.clusterbench.result;

import java.util.Objects;

/**
 * Other load found on a probe's target just before a measured condition, by the quiet-cluster check.
 *
 * <p>Only load that was seen is a disturbance: a check that could not be made (the target unreachable, a secret
 * unreadable, a server without the signal) gives none, because the probe itself reports a target it cannot reach
 * and a missing signal is no evidence of load.
 *
 * @param probe the id of the probe whose target is disturbed
 * @param target what was checked, without credentials: {@code redis://127.0.0.1:6379}, {@code ops@sark},
 *     {@code http://10.0.0.69:8000}
 * @param signal what was read: {@code other_clients_ops_per_s}, {@code num_requests_running}, {@code runnable}
 * @param value the signal's value
 * @param limit the value above which the target counts as disturbed
 * @param message one sentence with the numbers, for reports and the console
 */
public record Disturbance(String probe, String target, String signal, double value, double limit, String message) {

    public Disturbance {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(message, "message");
    }
}
