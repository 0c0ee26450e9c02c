package io.clusterbench.probe.openai;

import io.clusterbench.result.MetricValue;
import io.clusterbench.spec.OpenAiDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics vLLM bench reports of a list of samples, computed the way numpy does: {@code mean},
 * {@code median}, {@code std} (population, {@code ddof=0}) and percentiles by linear interpolation between the
 * closest ranks ({@code np.percentile}'s default), so that the numbers equal vLLM's for the same samples.
 */
final class SampleStats {
    /** The percentiles every latency gets, named as {@code LatencyMetrics} names them for every probe. */
    private static final double[] STANDARD = {50, 90, 95, 99, 99.9};

    private SampleStats() {
    }

    /**
     * {@code PREFIX + mean_ms, median_ms, p50_ms, p90_ms, p95_ms, p99_ms, p999_ms, max_ms, std_ms}, then
     * {@code PREFIX + pN_ms} for each extra percentile not among those; empty when there are no samples (NODATA).
     */
    static List<MetricValue> millis(String prefix, double[] millis, List<Double> extraPercentiles) {
        if (millis.length == 0) {
            return List.of();
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        List<MetricValue> metrics = new ArrayList<>();
        metrics.add(ms(prefix + "mean_ms", mean(sorted)));
        metrics.add(ms(prefix + "median_ms", percentile(sorted, 50)));
        for (double p : STANDARD) {
            metrics.add(ms(prefix + OpenAiDescriptor.percentileLabel(p) + "_ms", percentile(sorted, p)));
        }
        metrics.add(ms(prefix + "max_ms", sorted[sorted.length - 1]));
        metrics.add(ms(prefix + "std_ms", std(sorted)));
        for (double p : extraPercentiles) {
            if (Arrays.stream(STANDARD).noneMatch(standard -> standard == p)) {
                metrics.add(ms(prefix + OpenAiDescriptor.percentileLabel(p) + "_ms", percentile(sorted, p)));
            }
        }
        return metrics;
    }

    /** {@code np.percentile(samples, p)}: linear interpolation at rank {@code p/100 * (n-1)} of sorted samples. */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    static double mean(double[] samples) {
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        return sum / samples.length;
    }

    static double std(double[] samples) {
        double mean = mean(samples);
        double squares = 0;
        for (double sample : samples) {
            squares += (sample - mean) * (sample - mean);
        }
        return Math.sqrt(squares / samples.length);
    }

    private static MetricValue ms(String name, double value) {
        return MetricValue.of(name, value, "ms");
    }
}
