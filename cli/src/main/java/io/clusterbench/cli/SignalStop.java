package io.clusterbench.cli;

import io.clusterbench.control.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C or SIGTERM into a raised {@link StopSignal} for as long as it is open, and holds the JVM's exit until
 * it is closed (at most {@link #GRACE_SECONDS}, or the grace given), so that the flow can still write what it
 * measured or changed. The exit code is then the JVM's for the signal: 130 for SIGINT, 143 for SIGTERM.
 */
final class SignalStop implements AutoCloseable {
    /** How long a stop request waits for the flow to wind down and write its files. */
    static final long GRACE_SECONDS = 20;
    /**
     * The same for tuning: longer, because the running action finishes its step and read-back first (a CONFIG SET
     * takes milliseconds, a command over SSH seconds); still bounded, so a hung host cannot hold the exit forever.
     */
    static final long TUNING_GRACE_SECONDS = 30;

    private final StopSignal stop = new StopSignal();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    SignalStop(String name) {
        this(name, GRACE_SECONDS);
    }

    SignalStop(String name, long graceSeconds) {
        hook = new Thread(() -> {
            stop.raise();
            try {
                // The JVM exits when this hook returns: give the flow the time to write what it has.
                finished.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    StopSignal signal() {
        return stop;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of a signal; the hook is running and ends now that we are done.
        }
    }
}
