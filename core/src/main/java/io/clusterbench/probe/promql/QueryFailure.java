package io.clusterbench.probe.promql;

import io.clusterbench.result.ErrorKind;

/**
 * One query that gave no usable answer, with the error kind to record; {@code fatal} when Prometheus itself cannot
 * be reached, so that the remaining queries are not tried one connect timeout after another.
 */
final class QueryFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final boolean fatal;

    QueryFailure(ErrorKind kind, String message, boolean fatal) {
        super(message);
        this.kind = kind;
        this.fatal = fatal;
    }

    /** A failure of this one query; the next one is still tried. */
    static QueryFailure of(ErrorKind kind, String message) {
        return new QueryFailure(kind, message, false);
    }

    /** A failure to reach Prometheus at all. */
    static QueryFailure fatal(ErrorKind kind, String message) {
        return new QueryFailure(kind, message, true);
    }

    ErrorKind kind() {
        return kind;
    }

    boolean fatal() {
        return fatal;
    }
}
