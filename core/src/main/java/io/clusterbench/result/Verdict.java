package io.clusterbench.result;

/** The verdict of a scored run; precedence: error, then fail, then inconclusive, then warning, then pass. */
public enum Verdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE,
    /** The run could not be scored at all, for example no probe measured anything. */
    ERROR
}
