package io.clusterbench.result;

import java.time.Instant;
import java.util.Objects;

/**
 * One failure a probe met, kept in its measurement so that a failed probe never looks like a fast one.
 *
 * @param kind the class of failure, written as its word ({@code unreachable}, {@code http-status}, ...)
 * @param message what happened, where, and what to do; never contains a secret
 * @param count how many times it happened (identical errors under load are counted, not repeated)
 * @param firstAt when it happened first
 */
public record ProbeError(ErrorKind kind, String message, long count, Instant firstAt) {

    public ProbeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(firstAt, "firstAt");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
    }
}
