package io.clusterbench.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A thread that makes one call to the code under test, so that a test can interrupt it the way Jenkins stops a
 * step, then read what the call returned or threw and whether the thread's interrupt flag was set when it ended.
 */
public final class CallingThread<T> {

    /** The call under test. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile T value;
    private volatile Throwable failure;
    private volatile boolean interruptedAtEnd;

    private CallingThread(String name, Call<T> call) {
        thread = new Thread(() -> {
            try {
                value = call.call();
            } catch (Throwable e) {
                failure = e;
            } finally {
                interruptedAtEnd = Thread.currentThread().isInterrupted();
                ended.countDown();
            }
        }, name);
        // A test that fails half-way must not keep the JVM alive.
        thread.setDaemon(true);
    }

    /** Starts a thread that makes the call. */
    public static <T> CallingThread<T> start(String name, Call<T> call) {
        CallingThread<T> calling = new CallingThread<>(name, call);
        calling.thread.start();
        return calling;
    }

    /** Interrupts the calling thread. */
    public void interrupt() {
        thread.interrupt();
    }

    /** Waits at most {@code limit} for the call to end and returns its value; fails the test otherwise. */
    public T returned(Duration limit) throws InterruptedException {
        if (!ended.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(thread.getName() + " was still running " + limit.toSeconds() + " s later");
        }
        if (failure != null) {
            throw new AssertionError(thread.getName() + " threw instead of returning", failure);
        }
        return value;
    }

    /** Whether the thread's interrupt flag was set when the call ended; read after {@link #returned}. */
    public boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }
}
