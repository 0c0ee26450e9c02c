package io.clusterbench.tune.restart;

import io.clusterbench.ClusterBenchException;
import java.time.Duration;

/** Asks a health check again and again, every {@link #INTERVAL}, until it answers healthy or the deadline passes. */
final class HealthWait {
    static final Duration INTERVAL = Duration.ofMillis(200);
    /** No single attempt waits longer than this, so a hung server still leaves time for the next attempts. */
    private static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT_FLOOR = Duration.ofMillis(100);

    /**
     * How a wait ended.
     *
     * @param healthy whether the service answered healthy before the deadline
     * @param attempts how many checks were made
     * @param elapsed from the start of the wait to the healthy answer, or to giving up
     * @param last the last answer
     */
    record Result(boolean healthy, int attempts, Duration elapsed, Health last) {
    }

    private HealthWait() {
    }

    static Result until(HealthCheck check, Duration deadline) throws ClusterBenchException {
        // Elapsed time comes from the monotonic clock: a wall clock stepped by NTP must not end or stretch the wait.
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        int attempts = 0;
        try {
            while (true) {
                long left = end - System.nanoTime();
                Duration attemptTimeout = clamp(Duration.ofNanos(left));
                Health health = check.check(attemptTimeout);
                attempts++;
                long now = System.nanoTime();
                if (health.healthy()) {
                    return new Result(true, attempts, Duration.ofNanos(now - start), health);
                }
                if (now >= end) {
                    return new Result(false, attempts, Duration.ofNanos(now - start), health);
                }
                Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), (end - now) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT,
                    "interrupted while waiting for " + check.describe() + "; the restart itself was already sent", e);
        }
    }

    private static Duration clamp(Duration left) {
        if (left.compareTo(ATTEMPT_FLOOR) < 0) {
            return ATTEMPT_FLOOR;
        }
        return left.compareTo(ATTEMPT_LIMIT) > 0 ? ATTEMPT_LIMIT : left;
    }
}
