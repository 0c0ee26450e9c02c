package io.clusterbench.probe.openai;

import io.clusterbench.control.StopSignal;
import io.clusterbench.net.StreamWatchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Sends requests on a planned schedule, as vLLM bench's {@code benchmark()} does: request {@code i} arrives at its
 * planned offset from the start whatever the server does, and, with {@code maxConcurrency}, waits for one of that
 * many slots ({@code asyncio.Semaphore} there, a fair {@link Semaphore} here, so arrivals are served in order).
 * Each request in flight has its own thread, blocked on its stream.
 */
final class RequestLoad {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final IntFunction<RequestOutcome> send;
    private final OptionalInt maxConcurrency;
    private final StopSignal stop;
    private final StreamWatchdog watchdog;
    private final String threadName;

    /**
     * @param send sends request {@code i} and returns its outcome
     * @param maxConcurrency cap on requests in flight, if any
     * @param stop checked between arrivals and while waiting
     * @param watchdog aborted when the run stops, so that streams in flight end within a poll
     */
    RequestLoad(IntFunction<RequestOutcome> send, OptionalInt maxConcurrency, StopSignal stop,
            StreamWatchdog watchdog, String threadName) {
        this.send = send;
        this.maxConcurrency = maxConcurrency;
        this.stop = stop;
        this.watchdog = watchdog;
        this.threadName = threadName;
    }

    /**
     * What a run gave.
     *
     * @param outcomes the outcomes of the requests sent, in order of sending (aborted ones included)
     * @param startNanos {@link System#nanoTime()} at the start of the schedule
     * @param durationNanos from the start of the run to the end of its last request (vLLM's {@code dur_s})
     */
    record Result(List<RequestOutcome> outcomes, long startNanos, long durationNanos) {
    }

    /** Sends request {@code i} at {@code offsetsSeconds[i]} after the start; returns early when the run stops. */
    Result run(double[] offsetsSeconds, Consumer<RequestOutcome> onDone) {
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        Semaphore slots = new Semaphore(maxConcurrency.orElse(Integer.MAX_VALUE), true);
        List<Future<RequestOutcome>> pending = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < offsetsSeconds.length && !stop.raised(); i++) {
                long due = start + (long) (offsetsSeconds[i] * 1e9);
                if (!waitUntil(due) || !acquire(slots)) {
                    break;
                }
                int index = i;
                pending.add(threads.submit(() -> {
                    try {
                        RequestOutcome outcome = send.apply(index);
                        onDone.accept(outcome);
                        return outcome;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<RequestOutcome> outcomes = new ArrayList<>(pending.size());
            for (Future<RequestOutcome> future : pending) {
                outcomes.add(await(future));
            }
            return new Result(outcomes, start, System.nanoTime() - start);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sleeps until {@code due}; false when the run stopped first. */
    private boolean waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (stop.raised()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        }
        return !stop.raised();
    }

    private boolean acquire(Semaphore slots) {
        try {
            while (!slots.tryAcquire(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                if (stop.raised()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.raise();
            return false;
        }
    }

    private RequestOutcome await(Future<RequestOutcome> future) {
        boolean interrupted = false;
        try {
            while (true) {
                if (stop.raised()) {
                    watchdog.abortAll();
                }
                try {
                    return future.get(POLL_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    // Poll again, so that a stop is acted on within POLL_NANOS.
                } catch (InterruptedException e) {
                    // The run is being torn down: stop the load, then let the aborted streams end.
                    interrupted = true;
                    stop.raise();
                } catch (ExecutionException bug) {
                    throw new IllegalStateException("a request thread failed", bug.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
