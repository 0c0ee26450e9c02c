package io.clusterbench.result;

/** How one objective judged its metric. */
public enum ObjectiveStatus {
    /** Inside the pass criterion. */
    PASS,
    /** Outside pass but inside the warning criterion: partial credit. */
    WARNING,
    /** Outside both criteria, or no data under the {@code fail} NODATA policy. */
    FAIL,
    /** Could not be judged: no data under the {@code inconclusive} policy, or no baseline for a relative criterion. */
    INCONCLUSIVE,
    /** No data under the {@code ignore} policy: left out of the score. */
    IGNORED
}
