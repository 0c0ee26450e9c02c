package io.clusterbench.probe.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on 127.0.0.1 that tests put behind nginx as a planted problem: it answers every request after
 * a fixed delay, can stall every answer once for a while (a gate that opens when the stall ends), and counts what
 * it saw. {@code /missing} answers 404, {@code /chunked} answers with a chunked body, anything else 200 with the
 * server's name.
 */
final class SlowUpstream implements AutoCloseable {
    private final String name;
    private final Duration delay;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon());
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final CountDownLatch stallEnded = new CountDownLatch(1);
    private final AtomicReference<String> lastRequest = new AtomicReference<>("");
    private volatile long stallAfter = Long.MAX_VALUE;
    private volatile Duration stall = Duration.ZERO;
    private volatile boolean stalling;

    private SlowUpstream(String name, Duration delay) throws IOException {
        this.name = name;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server that answers after {@code delay}. */
    static SlowUpstream start(String name, Duration delay) throws IOException {
        return new SlowUpstream(name, delay);
    }

    /** Makes the {@code n}-th request start a stall: every answer waits until {@code length} after that moment. */
    SlowUpstream stallOnceAfter(long n, Duration length) {
        this.stall = length;
        this.stallAfter = n;
        return this;
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Requests received so far. */
    long requests() {
        return requests.get();
    }

    /** The most requests it was answering at one moment. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Whether a planted stall started and ended. */
    boolean stallEnded() {
        return stallEnded.getCount() == 0;
    }

    /** The method, the X-Test header and the body of the last request, as "METHOD x-test body". */
    String lastRequest() {
        return lastRequest.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            long n = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Test") + " "
                    + new String(body, StandardCharsets.UTF_8));
            if (n == stallAfter) {
                stalling = true;
                timer.schedule(stallEnded::countDown, stall.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (stalling) {
                stallEnded.await();
            }
            if (!delay.isZero()) {
                // The planted slowness itself, not a synchronisation.
                Thread.sleep(delay.toMillis());
            }
            // Counted out before answering: once the answer is out, the client may send its next request at once.
            inFlight.decrementAndGet();
            counted = false;
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] text = (name + "\n").getBytes(StandardCharsets.UTF_8);
        if (path.equals("/missing")) {
            exchange.sendResponseHeaders(404, -1);
        } else if (path.equals("/chunked")) {
            // Length 0 means "unknown": the server sends the body in chunks.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(text);
                    out.flush();
                }
            }
        } else if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        stallEnded.countDown();
        handlers.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "slow-upstream");
            thread.setDaemon(true);
            return thread;
        };
    }
}
