package io.clusterbench.result;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a shard's wall clock was from its coordinator's, read by an NTP-style exchange just before the shard's
 * load: the best of several exchanges (the one with the shortest round trip), so {@code offsetMs} is exact to
 * within half of {@code roundTripMs}.
 *
 * @param coordinator whom the shard asked: {@code host:port} of {@code clusterbench coordinate}, or
 *     {@code jenkins-controller}
 * @param offsetMs the coordinator's clock minus the shard's, in milliseconds; positive when the shard is behind
 * @param roundTripMs the round trip of the exchange it was read from, network only (the coordinator's own time
 *     between receiving and answering is taken out)
 * @param measuredAt when it was read, on the shard's clock
 */
public record ClockOffset(String coordinator, double offsetMs, double roundTripMs, Instant measuredAt) {

    public ClockOffset {
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(measuredAt, "measuredAt");
    }

    /**
     * The offset from one exchange, in NTP's terms: the shard sent at {@code t0} (its clock), the coordinator
     * received at {@code t1} and answered at {@code t2} (its clock), the shard got the answer at {@code t3} (its
     * clock); all in microseconds since the epoch.
     */
    public static ClockOffset fromExchange(String coordinator, long t0, long t1, long t2, long t3) {
        double offsetUs = ((t1 - t0) + (t2 - t3)) / 2.0;
        double roundTripUs = (t3 - t0) - (t2 - t1);
        return new ClockOffset(coordinator, offsetUs / 1000.0, Math.max(0, roundTripUs) / 1000.0,
                Instant.ofEpochSecond(0, t3 * 1000));
    }

    /** The largest the true offset can be: the offset plus half the round trip, as a magnitude. */
    public double boundMs() {
        return Math.abs(offsetMs) + roundTripMs / 2;
    }
}
