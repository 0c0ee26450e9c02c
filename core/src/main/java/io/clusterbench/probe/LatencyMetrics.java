package io.clusterbench.probe;

import io.clusterbench.result.MetricValue;
import io.clusterbench.spec.MetricNames;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * Turns a latency histogram recorded in microseconds into the millisecond metrics objectives address, named the
 * same way by every probe: {@code PREFIX + "p99_ms"} and so on.
 */
public final class LatencyMetrics {
    private static final double MICROS_PER_MILLI = 1000.0;

    private LatencyMetrics() {
    }

    /**
     * The mean, median, p90, p95, p99, p99.9 and max of a histogram of microseconds, in ms; empty when nothing
     * was recorded (NODATA, never zero). The median is also published as p50.
     *
     * @param prefix the start of each name, such as {@code "get."} (giving {@code get.p99_ms}) or {@code "ttft_"}
     */
    public static List<MetricValue> of(String prefix, AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return List.of();
        }
        // In the order of MetricNames.LATENCY_STATS, which names them for the descriptors; the median is p50 too.
        double[] values = {micros.getMean(), micros.getValueAtPercentile(50), micros.getValueAtPercentile(50),
            micros.getValueAtPercentile(90), micros.getValueAtPercentile(95), micros.getValueAtPercentile(99),
            micros.getValueAtPercentile(99.9), micros.getMaxValue()};
        List<MetricValue> metrics = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            metrics.add(ms(prefix + MetricNames.LATENCY_STATS.get(i), values[i]));
        }
        return List.copyOf(metrics);
    }

    /** One percentile, for percentiles a spec asks for beyond the standard ones (for example 99.5 → p99.5_ms). */
    public static MetricValue percentile(String prefix, AbstractHistogram micros, double percentile) {
        String label = percentile == Math.rint(percentile)
                ? String.valueOf((long) percentile)
                : String.valueOf(percentile);
        return ms(prefix + "p" + label + "_ms", micros.getValueAtPercentile(percentile));
    }

    private static MetricValue ms(String name, double micros) {
        return MetricValue.of(name, micros / MICROS_PER_MILLI, "ms");
    }
}
