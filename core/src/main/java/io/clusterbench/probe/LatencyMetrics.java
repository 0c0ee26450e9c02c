package io.clusterbench.probe;

import io.clusterbench.result.MetricValue;
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
        return List.of(
                ms(prefix + "mean_ms", micros.getMean()),
                ms(prefix + "median_ms", micros.getValueAtPercentile(50)),
                ms(prefix + "p50_ms", micros.getValueAtPercentile(50)),
                ms(prefix + "p90_ms", micros.getValueAtPercentile(90)),
                ms(prefix + "p95_ms", micros.getValueAtPercentile(95)),
                ms(prefix + "p99_ms", micros.getValueAtPercentile(99)),
                ms(prefix + "p999_ms", micros.getValueAtPercentile(99.9)),
                ms(prefix + "max_ms", micros.getMaxValue()));
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
