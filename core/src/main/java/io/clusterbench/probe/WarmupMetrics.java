package io.clusterbench.probe;

import io.clusterbench.result.MetricValue;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * The metrics of a load probe's warm-up, named alike by every probe: {@code warmup.<what>} (how many it sent),
 * {@code warmup.errors}, {@code warmup.s} and its own {@code warmup.p50_ms} and {@code warmup.p99_ms}, as
 * {@link io.clusterbench.spec.MetricNames.Builder#warmup} names them for the descriptors. Never a
 * latency histogram named like a measured one, so nothing reads the warm-up as part of the measurement; the two
 * percentiles are there so that a reader sees why it was left out.
 */
public final class WarmupMetrics {
    private WarmupMetrics() {
    }

    /**
     * @param counted what the count is of, such as {@code ops}, {@code requests} or {@code queries}
     * @param count how many the warm-up sent (or, for redis, had answered)
     * @param errors how many of them failed
     * @param seconds how long the warm-up ran
     * @param micros the latencies of its answered requests; without any, the percentiles are left out (NODATA)
     */
    public static List<MetricValue> of(String counted, long count, long errors, double seconds,
            AbstractHistogram micros) {
        List<MetricValue> metrics = new ArrayList<>();
        metrics.add(MetricValue.of("warmup." + counted, count, "count"));
        metrics.add(MetricValue.of("warmup.errors", errors, "count"));
        metrics.add(MetricValue.of("warmup.s", seconds, "s"));
        if (micros.getTotalCount() > 0) {
            metrics.add(LatencyMetrics.percentile("warmup.", micros, 50));
            metrics.add(LatencyMetrics.percentile("warmup.", micros, 99));
        }
        return List.copyOf(metrics);
    }
}
