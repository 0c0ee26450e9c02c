package io.clusterbench.probe.openai;

import io.clusterbench.result.ErrorKind;

/**
 * What one streamed request gave, in the terms of vLLM bench's {@code RequestFuncOutput}.
 *
 * @param status whether it succeeded (at least one chunk with a non-empty {@code choices} arrived and the stream
 *     ended cleanly), failed, or was aborted because the run stopped (left out of every metric)
 * @param startNanos {@link System#nanoTime()} just before the request was sent
 * @param ttftNanos first chunk with a non-empty {@code choices} minus the start
 * @param latencyNanos last chunk with a non-empty {@code choices} minus the start (E2EL; the usage chunk and
 *     {@code [DONE]} do not count)
 * @param itlNanos the gaps between consecutive chunks with a non-empty {@code choices}
 * @param promptTokens {@code usage.prompt_tokens}, or -1 when the server sent no usage
 * @param completionTokens {@code usage.completion_tokens}, or -1 when the server sent no usage
 * @param errorKind why it failed ({@code TIMEOUT}, {@code PROTOCOL}, {@code HTTP_STATUS}, ...); null on success
 * @param errorMessage what happened, where, and what to do; empty on success
 */
record RequestOutcome(
        Status status,
        long startNanos,
        long ttftNanos,
        long latencyNanos,
        long[] itlNanos,
        int promptTokens,
        int completionTokens,
        ErrorKind errorKind,
        String errorMessage) {

    /** How a request ended. */
    enum Status { SUCCEEDED, FAILED, ABORTED }

    static RequestOutcome failed(long startNanos, ErrorKind kind, String message) {
        return new RequestOutcome(Status.FAILED, startNanos, 0, 0, new long[0], -1, -1, kind, message);
    }

    static RequestOutcome aborted(long startNanos) {
        return new RequestOutcome(Status.ABORTED, startNanos, 0, 0, new long[0], -1, -1, null, "");
    }

    boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** Chunks with a non-empty {@code choices}: the first one plus one per gap. */
    int tokenChunks() {
        return succeeded() ? itlNanos.length + 1 : 0;
    }
}
