package io.clusterbench.result;

/** How a probe ended. */
public enum ProbeStatus {
    /** Measured everything it was asked to, without errors. */
    OK,
    /** Measured, but some requests or reads failed; the errors are recorded beside the numbers. */
    PARTIAL,
    /** Could not measure: unreachable, refused, timed out or a protocol error. */
    FAILED,
    /** Not run, for example excluded with {@code --only} or stopped before it started. */
    SKIPPED
}
