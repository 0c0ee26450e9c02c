package io.clusterbench.result;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kept latency histogram a probe's metric was derived from, and which statistic of it the metric is.
 *
 * <p>Histograms are named by the probes (docs/probes.md): a metric {@code PREFIX STAT_ms} where STAT is
 * {@code mean}, {@code median} or {@code pNN} comes from the histogram named PREFIX without its trailing
 * {@code .} or {@code _} ({@code get.p99_ms} from {@code get}, {@code ttft_p95_ms} from {@code ttft},
 * {@code query_p99_ms} from {@code query}); without a prefix ({@code p99_ms}) from the probe's overall histogram:
 * {@code all} (redis), else {@code latency} (http), else the probe's only histogram.
 */
public final class LatencySource {

    private static final Pattern LATENCY_STAT = Pattern.compile("(.*?)(mean|median|p[0-9]+(?:\\.[0-9]+)?)_ms");
    private static final List<String> OVERALL = List.of("all", "latency");

    private LatencySource() {
    }

    /** The name of the histogram a metric of a probe with these histograms comes from, if any. */
    public static Optional<String> histogramName(String metricName, List<LatencyHistogram> latencies) {
        Matcher m = LATENCY_STAT.matcher(metricName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        if (!prefix.isEmpty()) {
            String name = prefix.endsWith(".") || prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1)
                    : prefix;
            return latencies.stream().map(LatencyHistogram::name).filter(name::equals).findFirst();
        }
        for (String overall : OVERALL) {
            if (latencies.stream().anyMatch(h -> h.name().equals(overall))) {
                return Optional.of(overall);
            }
        }
        return latencies.size() == 1 ? Optional.of(latencies.get(0).name()) : Optional.empty();
    }

    /**
     * The percentile a latency metric name stands for: {@code median} and {@code p50} 50, {@code p999} 99.9 (as
     * the probes name it), {@code p99.5} 99.5; empty for {@code mean} and for names that are no latency statistic.
     */
    public static OptionalDouble percentile(String metricName) {
        Matcher m = LATENCY_STAT.matcher(metricName);
        if (!m.matches() || m.group(2).equals("mean")) {
            return OptionalDouble.empty();
        }
        String stat = m.group(2);
        if (stat.equals("median")) {
            return OptionalDouble.of(50);
        }
        if (stat.equals("p999")) {
            return OptionalDouble.of(99.9);
        }
        double value = Double.parseDouble(stat.substring(1));
        return value > 0 && value <= 100 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** Whether the name is the mean of a histogram. */
    public static boolean isMean(String metricName) {
        Matcher m = LATENCY_STAT.matcher(metricName);
        return m.matches() && m.group(2).equals("mean");
    }
}
