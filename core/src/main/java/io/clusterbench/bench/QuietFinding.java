package io.clusterbench.bench;

import io.clusterbench.result.Disturbance;

/**
 * Other load found on one target, before it is attributed to the probes that measure that target.
 *
 * @param target what was checked, without credentials
 * @param signal what was read
 * @param value the signal's value
 * @param limit the value above which the target counts as disturbed
 * @param message one sentence with the numbers
 */
record QuietFinding(String target, String signal, double value, double limit, String message) {

    /** The finding as a disturbance of {@code probe}. */
    Disturbance of(String probe) {
        return new Disturbance(probe, target, signal, value, limit, message);
    }
}
