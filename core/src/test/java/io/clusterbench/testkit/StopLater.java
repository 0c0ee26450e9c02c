package io.clusterbench.testkit;

import io.clusterbench.control.StopSignal;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Raises a run's stop signal from another thread a while after a call began, and times the call: for tests that a
 * probe ends promptly when stopped in the middle of a phase (such as its warm-up).
 */
public final class StopLater {

    private StopLater() {
    }

    /**
     * What the call returned and how long it took.
     *
     * @param value what the call returned
     * @param took from the start of the call until it returned
     */
    public record Timed<T>(T value, Duration took) {
    }

    /** Makes {@code call}, raising {@code stop} {@code after} it began; waits for the stopping thread too. */
    public static <T> Timed<T> call(StopSignal stop, Duration after, Callable<T> call) throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            stop.raise();
        }, "test-stopper");
        stopper.setDaemon(true);
        long started = System.nanoTime();
        stopper.start();
        try {
            T value = call.call();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            stopper.interrupt();
            stopper.join();
        }
    }
}
