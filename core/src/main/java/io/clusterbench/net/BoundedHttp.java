package io.clusterbench.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One HTTP exchange whose whole answer, headers and body, arrives within a deadline and a size cap, or fails.
 *
 * <p>Why not {@code BodyHandlers.ofString()}: it reads the body whole, for as long as the server keeps sending, so a
 * trickling or endless body hangs the caller for ever ({@code HttpRequest.timeout} covers only the headers) and a
 * huge one is held in memory whole. Here the body is read as a stream that a watchdog closes at the deadline, and
 * reading stops at the cap.
 */
public final class BoundedHttp {
    /** The cap on a JSON answer (an API's reply, a health or model list, a metrics page): far above any real one. */
    public static final int JSON_CAP_BYTES = 16 * 1024 * 1024;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final StreamWatchdog DEADLINES = StreamWatchdog.deadlinesOnly("clusterbench-answer-deadlines");

    /**
     * A whole answer.
     *
     * @param status the HTTP status
     * @param body the body, decoded as UTF-8
     * @param nanos from the send to the end of the body
     */
    public record Answer(int status, String body, long nanos) {
    }

    private BoundedHttp() {
    }

    /**
     * Sends the request and reads the whole answer within {@code timeout} from now and at most {@code capBytes} of
     * body.
     *
     * @param stopped polled while waiting; when it turns true the exchange is abandoned
     * @return the answer, or empty when {@code stopped} turned true first
     * @throws HttpTimeoutException when the headers or the end of the body did not arrive within {@code timeout}
     * @throws AnswerTooLargeException when the body is larger than {@code capBytes}
     * @throws IOException when the connection failed (the JDK's own exception, such as {@code ConnectException})
     */
    public static Optional<Answer> exchange(HttpClient client, HttpRequest request, Duration timeout, int capBytes,
            BooleanSupplier stopped) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Optional<HttpResponse<InputStream>> response = headers(client, request, deadline, stopped);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        InputStream body = response.get().body();
        try (body; StreamWatchdog.Watch watch = DEADLINES.watch(body, deadline, stopped)) {
            byte[] bytes = read(body, capBytes, deadline, watch);
            if (watch.aborted()) {
                return Optional.empty();
            }
            return Optional.of(new Answer(response.get().statusCode(), new String(bytes, StandardCharsets.UTF_8),
                    System.nanoTime() - start));
        }
    }

    /**
     * Sends the request and returns the status as soon as the headers arrived within {@code timeout}, without reading
     * the body: for checks that need only the status.
     *
     * @throws HttpTimeoutException when the headers did not arrive within {@code timeout}
     */
    public static int status(HttpClient client, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response = headers(client, request, deadline, () -> false).orElseThrow();
        // Closing unread drops the connection rather than reusing it: cheap for a check, and never reads a byte.
        response.body().close();
        return response.statusCode();
    }

    private static Optional<HttpResponse<InputStream>> headers(HttpClient client, HttpRequest request,
            long deadline, BooleanSupplier stopped) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            while (true) {
                if (stopped.getAsBoolean()) {
                    return Optional.empty();
                }
                long left = deadline - System.nanoTime();
                try {
                    // An exchange already over (a refused connection) is taken as it ended, even past the deadline.
                    return Optional.of(pending.get(Math.max(0, Math.min(left, POLL_NANOS)), TimeUnit.NANOSECONDS));
                } catch (TimeoutException stillWaiting) {
                    if (deadline - System.nanoTime() <= 0) {
                        throw new HttpTimeoutException("no response headers in time");
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                // The request's own timeout (the JDK's "request timed out") can fire a moment before the poll above
                // sees the deadline: either way the headers did not come in time, and the message says so alike.
                throw new HttpTimeoutException("no response headers in time");
            }
            throw rethrown(e.getCause());
        } finally {
            if (!pending.isDone()) {
                pending.cancel(true);
            }
        }
    }

    private static byte[] read(InputStream body, int capBytes, long deadline, StreamWatchdog.Watch watch)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        while (true) {
            int read;
            try {
                read = System.nanoTime() - deadline >= 0 ? -2 : body.read(buffer);
            } catch (IOException e) {
                if (watch.timedOut()) {
                    throw bodyTimeout();
                }
                if (watch.aborted()) {
                    return new byte[0];
                }
                throw e;
            }
            // A stream closed by the watchdog may read as its end: the watch says whether it was.
            if (read == -2 || watch.timedOut()) {
                throw bodyTimeout();
            }
            if (read < 0 || watch.aborted()) {
                return out.toByteArray();
            }
            if (out.size() + (long) read > capBytes) {
                throw new AnswerTooLargeException("answer", capBytes);
            }
            out.write(buffer, 0, read);
        }
    }

    private static HttpTimeoutException bodyTimeout() {
        return new HttpTimeoutException("the body did not end in time: it trickled or never ends");
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

}
