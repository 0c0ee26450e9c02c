package io.clusterbench.local;

import java.time.Duration;

/** Waits for a condition by polling it until a deadline. */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /** A condition to poll; an exception counts as "not yet". */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Polls until the condition holds.
     *
     * @param what what is awaited, for the message when the deadline passes
     */
    static void until(String what, Duration timeout, Condition condition) throws LocalServerException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "";
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (LocalServerException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalServerException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastProblem = " (last check: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            if (System.nanoTime() >= deadline) {
                throw new LocalServerException(
                        "timed out after " + timeout.toMillis() + " ms waiting for " + what + lastProblem);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalServerException("interrupted while waiting for " + what, e);
            }
        }
    }
}
