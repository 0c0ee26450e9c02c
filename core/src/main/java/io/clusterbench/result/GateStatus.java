package io.clusterbench.result;

/** What a gate decided, in the words of a CI build: PASS, UNSTABLE (visible, not failing) or FAIL. */
public enum GateStatus {
    /** The gate passed. */
    PASS,
    /** The gate did not fail, but something needs a look: a warning or inconclusive verdict, a score below the line. */
    UNSTABLE,
    /** The gate failed. */
    FAIL
}
