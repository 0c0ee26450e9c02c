package io.clusterbench.spec;

/** What an objective counts as when its metric was not measured (spec key {@code nodata:}). */
public enum NoDataPolicy {
    /** The objective fails (the default): a missing number is never a pass. */
    FAIL,
    /** The objective is left out of the score. */
    IGNORE,
    /** The run's verdict becomes inconclusive. */
    INCONCLUSIVE
}
