package io.clusterbench.spec;

/** Whether a criterion's number is a plain limit or a change from the baseline. */
public enum CriterionMode {
    /** {@code <= 2}: the metric itself is compared with the number. */
    ABSOLUTE,
    /** {@code <= +10%}: the metric is compared with the baseline changed by that percentage. */
    RELATIVE_PERCENT,
    /** {@code <= +3} or {@code <= +3ms}: the metric is compared with the baseline plus that amount. */
    RELATIVE_DELTA
}
