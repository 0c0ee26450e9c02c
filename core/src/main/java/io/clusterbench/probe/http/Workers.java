package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Waits for a load's threads, and ends the ones still blocked on a connection once their time is up. */
final class Workers {
    private static final long CHECK_MILLIS = 50;
    private static final long AFTER_CLOSE_MILLIS = 1000;

    private Workers() {
    }

    /**
     * Waits until every thread ended. When the hard deadline passes, or {@code graceAfterStop} after the stop
     * signal, it closes the connections, which makes a blocked request fail at once, and waits briefly more.
     *
     * @param hardDeadline a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE} for none
     */
    static void await(List<Thread> threads, Collection<? extends Closeable> connections, StopSignal stop,
            long hardDeadline, long graceAfterStop) {
        long deadline = hardDeadline;
        boolean stopSeen = false;
        try {
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    thread.join(CHECK_MILLIS);
                    if (stop.raised() && !stopSeen) {
                        stopSeen = true;
                        deadline = Math.min(deadline, System.nanoTime() + graceAfterStop);
                    }
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                        closeAll(connections);
                        joinBriefly(threads);
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.raise();
            closeAll(connections);
        }
    }

    static void closeAll(Collection<? extends Closeable> connections) {
        for (Closeable connection : List.copyOf(connections)) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Closing is best effort: the load is over.
            }
        }
    }

    private static void joinBriefly(List<Thread> threads) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AFTER_CLOSE_MILLIS);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left > 0) {
                thread.join(left);
            }
        }
    }
}
