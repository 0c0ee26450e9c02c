package io.clusterbench.probe.openai;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes response streams that stay silent longer than the timeout, and every stream on request.
 *
 * <p>{@code HttpRequest.timeout} only bounds the wait for the response headers; a stream that stalls after them
 * would block its reader for ever. Closing the stream from here makes the blocked read fail at once, and the
 * {@link Watch} says why, so the reader can tell a stall ({@code timeout}) or a stop from a dropped connection.
 */
final class StreamWatchdog implements AutoCloseable {
    private final long idleLimitNanos;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private volatile boolean stopping;

    StreamWatchdog(Duration idleLimit, String threadName) {
        this.idleLimitNanos = idleLimit.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // A tick of a fifth of the limit closes a stalled stream within 1.2 x the limit; 250 ms is plenty for
        // the seconds-long limits of real runs and keeps the ticker idle.
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(idleLimitNanos / 5,
                TimeUnit.MILLISECONDS.toNanos(250)));
        ticker.scheduleAtFixedRate(this::closeStalled, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Starts watching a stream (close the watch when done); a stream opened while stopping is closed at once. */
    Watch watch(Closeable stream) {
        Watch watch = new Watch(stream);
        watches.add(watch);
        if (stopping) {
            watch.aborted = true;
            watch.closeStream();
        }
        return watch;
    }

    /** Whether {@link #abortAll()} was called: requests not yet answered should give up. */
    boolean stopping() {
        return stopping;
    }

    /** Closes every watched stream, and any opened later, marking them aborted: the run is stopping. */
    void abortAll() {
        stopping = true;
        for (Watch watch : watches) {
            watch.aborted = true;
            watch.closeStream();
        }
    }

    private void closeStalled() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (now - watch.lastActivity > idleLimitNanos) {
                watch.timedOut = true;
                watch.closeStream();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One watched stream: its last sign of life and why it was closed, if it was. */
    final class Watch implements AutoCloseable {
        private final Closeable stream;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean timedOut;
        private volatile boolean aborted;

        private Watch(Closeable stream) {
            this.stream = stream;
        }

        /** Bytes arrived: the stream is alive. */
        void touch() {
            lastActivity = System.nanoTime();
        }

        /** Whether the stream was closed because it was silent too long. */
        boolean timedOut() {
            return timedOut;
        }

        /** Whether the stream was closed because the run is stopping. */
        boolean aborted() {
            return aborted;
        }

        private void closeStream() {
            watches.remove(this);
            try {
                stream.close();
            } catch (IOException e) {
                // Closing only serves to wake the reader; a failure to close leaves nothing to do.
            }
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }
}
