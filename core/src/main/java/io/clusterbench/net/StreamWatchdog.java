package io.clusterbench.net;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes response streams that stay silent longer than an idle limit or outlive their deadline, and every stream on
 * request.
 *
 * <p>{@code HttpRequest.timeout} only bounds the wait for the response headers; a body that stalls or trickles after
 * them would block its reader for ever. Closing the stream from here makes the blocked read fail (or end) at once,
 * and the {@link Watch} says why, so the reader can tell a stall or a passed deadline ({@code timeout}) or a stop from
 * a dropped connection.
 */
public final class StreamWatchdog implements AutoCloseable {
    private static final long NO_LIMIT = Long.MAX_VALUE;

    private final long idleLimitNanos;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private volatile boolean stopping;

    /**
     * A watchdog whose streams are closed after {@code idleLimit} without a {@link Watch#touch()}.
     *
     * @param threadName the name of its ticker thread
     */
    public StreamWatchdog(Duration idleLimit, String threadName) {
        // A tick of a fifth of the limit closes a stalled stream within 1.2 x the limit; 250 ms is plenty for
        // the seconds-long limits of real runs and keeps the ticker idle.
        this(idleLimit.toNanos(), Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(idleLimit.toNanos() / 5,
                TimeUnit.MILLISECONDS.toNanos(250))), threadName);
    }

    private StreamWatchdog(long idleLimitNanos, long tickNanos, String threadName) {
        this.idleLimitNanos = idleLimitNanos;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::closeOverdue, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** A watchdog without an idle limit, for streams that only have a deadline; it ticks every 20 ms. */
    public static StreamWatchdog deadlinesOnly(String threadName) {
        return new StreamWatchdog(NO_LIMIT, TimeUnit.MILLISECONDS.toNanos(20), threadName);
    }

    /** Starts watching a stream (close the watch when done); a stream opened while stopping is closed at once. */
    public Watch watch(Closeable stream) {
        return watch(stream, 0, false, () -> false);
    }

    /**
     * Starts watching a stream that must also end by {@code deadlineNanos} (a {@link System#nanoTime()} value),
     * however lively it is.
     */
    public Watch watch(Closeable stream, long deadlineNanos) {
        return watch(stream, deadlineNanos, true, () -> false);
    }

    /** As {@link #watch(Closeable, long)}, and closes the stream, marked aborted, once {@code stopped} is true. */
    Watch watch(Closeable stream, long deadlineNanos, BooleanSupplier stopped) {
        return watch(stream, deadlineNanos, true, stopped);
    }

    private Watch watch(Closeable stream, long deadlineNanos, boolean bounded, BooleanSupplier stopped) {
        Watch watch = new Watch(stream, deadlineNanos, bounded, stopped);
        watches.add(watch);
        if (stopping) {
            watch.aborted = true;
            watch.closeStream();
        }
        return watch;
    }

    /** Whether {@link #abortAll()} was called: requests not yet answered should give up. */
    public boolean stopping() {
        return stopping;
    }

    /** Closes every watched stream, and any opened later, marking them aborted: the run is stopping. */
    public void abortAll() {
        stopping = true;
        for (Watch watch : watches) {
            watch.aborted = true;
            watch.closeStream();
        }
    }

    private void closeOverdue() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (watch.stopped.getAsBoolean()) {
                watch.aborted = true;
                watch.closeStream();
            } else if (watch.bounded && now - watch.deadlineNanos > 0) {
                watch.pastDeadline = true;
                watch.timedOut = true;
                watch.closeStream();
            } else if (now - watch.lastActivity > idleLimitNanos) {
                watch.timedOut = true;
                watch.closeStream();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One watched stream: its last sign of life, its deadline, and why it was closed, if it was. */
    public final class Watch implements AutoCloseable {
        private final Closeable stream;
        private final long deadlineNanos;
        private final boolean bounded;
        private final BooleanSupplier stopped;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean timedOut;
        private volatile boolean pastDeadline;
        private volatile boolean aborted;

        private Watch(Closeable stream, long deadlineNanos, boolean bounded, BooleanSupplier stopped) {
            this.stream = stream;
            this.deadlineNanos = deadlineNanos;
            this.bounded = bounded;
            this.stopped = stopped;
        }

        /** The stream showed life: its idle time starts again (its deadline does not move). */
        public void touch() {
            lastActivity = System.nanoTime();
        }

        /** Whether the stream was closed because it was silent too long or passed its deadline. */
        public boolean timedOut() {
            return timedOut;
        }

        /** Whether the stream was closed because it passed its deadline (then {@link #timedOut()} is true too). */
        public boolean pastDeadline() {
            return pastDeadline;
        }

        /** Whether the stream was closed because the run is stopping. */
        public boolean aborted() {
            return aborted;
        }

        /**
         * The stream as its reader should read it: once this watch closed it, every read fails with an
         * {@link IOException}, however the closed stream itself reads (some read as a normal end), so a stream cut
         * short is never taken for a whole one.
         */
        public InputStream guard(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n;
                    try {
                        n = super.read(buffer, offset, length);
                    } catch (IOException e) {
                        throwIfClosedHere();
                        throw e;
                    }
                    throwIfClosedHere();
                    return n;
                }
            };
        }

        private void throwIfClosedHere() throws IOException {
            if (timedOut || aborted) {
                throw new IOException(aborted ? "closed: the run is stopping"
                        : pastDeadline ? "closed: past its deadline" : "closed: silent for too long");
            }
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
