package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.StopSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** Holds a shard back until the wall-clock instant at which every shard of its run starts its load. */
final class StartInstant {

    /**
     * How late a shard may reach its start and still start: later, its load window would not line up with its
     * siblings', so it refuses rather than measure a different window.
     */
    static final Duration MAX_LATE = Duration.ofSeconds(1);
    /** How often the wait looks at the stop signal. */
    private static final long STOP_CHECK_NANOS = Duration.ofMillis(20).toNanos();

    private StartInstant() {
    }

    /**
     * Returns at {@code startAt} on {@code clock}, or as soon as {@code stop} is raised.
     *
     * @throws ClusterBenchException (USAGE) when {@code startAt} passed more than {@link #MAX_LATE} ago
     */
    static void await(Instant startAt, Clock clock, StopSignal stop) throws ClusterBenchException {
        Duration late = Duration.between(startAt, clock.instant());
        if (late.compareTo(MAX_LATE) > 0) {
            throw new ClusterBenchException(Kind.USAGE, "--start-at " + startAt + " passed " + late.toMillis()
                    + " ms ago (at most " + MAX_LATE.toMillis() + " ms is allowed, or this shard's window would not"
                    + " line up with the others'); give every shard the same instant some seconds ahead, such as"
                    + " $(date -u -d '+30 sec' +%FT%TZ)");
        }
        while (!stop.raised()) {
            long left = Duration.between(clock.instant(), startAt).toNanos();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, STOP_CHECK_NANOS));
        }
    }
}
