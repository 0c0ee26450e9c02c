package io.clusterbench.probe.http;

import io.clusterbench.result.ErrorKind;

/**
 * One request that got no complete response: the error kind recorded in the measurement ({@code timeout},
 * {@code unreachable}, {@code tls}, {@code protocol}) and a message that says where and what to do.
 */
final class ExchangeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    ExchangeFailure(ErrorKind kind, String message) {
        // No stack trace: failures are expected results of a load test, counted by the thousand.
        super(message, null, false, false);
        this.kind = kind;
    }

    /** The error kind. */
    ErrorKind kind() {
        return kind;
    }
}
