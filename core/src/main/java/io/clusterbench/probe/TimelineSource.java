package io.clusterbench.probe;

import org.HdrHistogram.AbstractHistogram;

/**
 * Where a {@link TimelineSampler} reads a load once per second: what happened since its previous reading. A load
 * implements it over the counters and the interval recorder it keeps anyway, so that the timeline costs its hot path
 * nothing more.
 */
@FunctionalInterface
public interface TimelineSource {

    /** What happened since the previous call (since the load began, on the first call); called from one thread. */
    Interval take();

    /**
     * One reading of a load.
     *
     * @param offered requests started (or due to start) since the previous reading
     * @param achieved answers as expected since then
     * @param errors failures since then
     * @param answers answers whose latency was recorded since then
     * @param p50Ms their median, in ms (0 without answers)
     * @param p99Ms their 99th percentile, in ms (0 without answers)
     */
    record Interval(long offered, long achieved, long errors, long answers, double p50Ms, double p99Ms) {

        /** A reading of these counts and the latencies (µs) recorded in the same time. */
        public static Interval of(long offered, long achieved, long errors, AbstractHistogram micros) {
            long answers = micros.getTotalCount();
            return new Interval(offered, achieved, errors, answers,
                    answers == 0 ? 0 : micros.getValueAtPercentile(50) / 1000.0,
                    answers == 0 ? 0 : micros.getValueAtPercentile(99) / 1000.0);
        }

        /** Whether anything happened at all; an empty reading makes no point. */
        public boolean isEmpty() {
            return offered == 0 && achieved == 0 && errors == 0 && answers == 0;
        }
    }
}
