package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One second (or less at the end of a phase, or more where a long run was coarsened) of a load probe's timeline:
 * what the load offered, what the target achieved, what failed, and the latency of what was answered in it. Counts,
 * not rates, so that points merge exactly; a rate is the count divided by {@link #lengthS}.
 *
 * @param atS where the point starts, in seconds after its round's {@link TimelineRound#startedAt}
 * @param lengthS how long it lasted, in seconds (more than 0)
 * @param warmup whether it belongs to the round's warm-up, which no measured metric includes
 * @param offered requests (commands, queries) the load started in it, or was due to start (open model)
 * @param achieved of those completed in it, the ones answered as expected
 * @param errors of those completed in it, the ones that failed (unexpected status, timeout, lost connection)
 * @param p50Ms the median latency of the answers completed in it, in ms; absent when none completed
 * @param p99Ms their 99th percentile, in ms; absent when none completed
 */
public record TimelinePoint(double atS, double lengthS, boolean warmup, long offered, long achieved, long errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double p50Ms,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double p99Ms) {

    public TimelinePoint {
        if (!(atS >= 0) || !(lengthS > 0) || Double.isInfinite(atS) || Double.isInfinite(lengthS)) {
            throw new IllegalArgumentException("a timeline point needs atS >= 0 and a finite lengthS > 0, got "
                    + atS + " and " + lengthS);
        }
        if (offered < 0 || achieved < 0 || errors < 0) {
            throw new IllegalArgumentException("timeline counts cannot be negative");
        }
        if ((p50Ms != null && !(p50Ms >= 0)) || (p99Ms != null && !(p99Ms >= 0))
                || (p50Ms != null && p50Ms.isInfinite()) || (p99Ms != null && p99Ms.isInfinite())) {
            throw new IllegalArgumentException("timeline latencies must be finite and not negative");
        }
    }

    /** Where the point ends, in seconds after its round's start. */
    public double endS() {
        return atS + lengthS;
    }

    /** Requests offered per second. */
    public double offeredPerS() {
        return offered / lengthS;
    }

    /** Answers as expected per second: the throughput achieved. */
    public double achievedPerS() {
        return achieved / lengthS;
    }

    /**
     * This point and the next one of the same phase as one: counts added, and each percentile the larger of the two,
     * an upper bound of the true one (at least 99% of either part's answers are at most its p99, so at least 99% of
     * both are at most the larger), which keeps a spike visible however coarse the points become.
     */
    public TimelinePoint joinedWith(TimelinePoint next) {
        TimelinePoint both = counting(next);
        return new TimelinePoint(atS, next.endS() - atS, warmup, both.offered, both.achieved, both.errors, both.p50Ms,
                both.p99Ms);
    }

    /**
     * This point's time with {@code other}'s counts added, percentiles as in {@link #joinedWith}: where answers
     * that belong to this point's phase arrived after it ended (a warm-up request answered once the measured part
     * began).
     */
    public TimelinePoint counting(TimelinePoint other) {
        return new TimelinePoint(atS, lengthS, warmup, offered + other.offered, achieved + other.achieved,
                errors + other.errors, larger(p50Ms, other.p50Ms), larger(p99Ms, other.p99Ms));
    }

    private static Double larger(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
    }
}
