package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.StopSignal;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a front's work on a thread of its own and turns an interrupt of the calling thread into a raised
 * {@link StopSignal}.
 *
 * <p>Jenkins stops a step by interrupting the thread that runs it. Were the work on that thread, the interrupt would
 * land wherever the work happens to be: half-way through a tuning change or its rollback, in an SSH wait, or in a
 * write of result.json or evidence.jsonl through an interruptible channel. On its own thread the work never sees
 * the interrupt; it sees the stop at its next check (between requests, between actions), ends the way a Ctrl-C ends
 * it, and writes what it has. The caller waits for that, and gets its interrupt flag back before this returns.
 */
final class StopOnInterrupt {

    /** Work that a stop cuts short but never breaks off. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws ClusterBenchException;
    }

    private StopOnInterrupt() {
    }

    /**
     * Runs {@code work} on a new thread named {@code name} and waits for it. An interrupt meanwhile (or one already
     * pending) raises {@code stop} and the wait goes on, so the work's files are complete when this returns; the
     * calling thread's interrupt flag is then set again. There is no time limit here: the work is bounded by its
     * own timeouts once stopped.
     */
    static <T> T run(String name, StopSignal stop, Work<T> work) throws ClusterBenchException {
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread worker = new Thread(task, name);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.raise();
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ClusterBenchException rethrown(Throwable cause) {
        if (cause instanceof ClusterBenchException e) {
            return e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("work declared to throw only ClusterBenchException threw " + cause, cause);
    }
}
