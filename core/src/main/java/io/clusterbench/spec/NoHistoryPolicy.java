package io.clusterbench.spec;

/** What a relative objective counts as when there is no baseline to compare with (spec key {@code baseline.noHistory}). */
public enum NoHistoryPolicy {
    /** The objective is inconclusive (the default): a comparison that could not be made is never a pass. */
    INCONCLUSIVE,
    /** The objective passes; for the first runs of a new cluster, said so in its explanation. */
    PASS
}
