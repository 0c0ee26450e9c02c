package io.clusterbench.cli;

import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the headline numbers of a run: per probe its status, its throughput, median and p99 latencies, or
 * otherwise its first few metrics; result.json has all of them.
 */
final class HeadlineTable {
    /** Metric name endings worth a headline, in the order they are shown. */
    private static final List<String> HEADLINE_SUFFIXES = List.of(
            "ops_per_s", "requests_per_s", "request_throughput", "output_throughput", "p50_ms", "p99_ms",
            "used_pct", "cpu_pct", "util_pct", "value");
    private static final int MAX_METRICS = 4;

    private HeadlineTable() {
    }

    static void print(RunResult result, PrintWriter out) {
        out.printf("%-20s %-8s %s%n", "probe", "status", "headline numbers (all in result.json)");
        for (ProbeMeasurement probe : result.probes()) {
            out.printf("%-20s %-8s %s%n", probe.probe(), probe.status(), headline(probe));
        }
    }

    private static String headline(ProbeMeasurement probe) {
        List<String> parts = new ArrayList<>();
        for (String suffix : HEADLINE_SUFFIXES) {
            for (MetricValue metric : probe.metrics()) {
                if (parts.size() < MAX_METRICS && isOverall(metric, suffix)) {
                    parts.add(metric.name() + " " + format(metric));
                }
            }
        }
        if (parts.isEmpty()) {
            probe.metrics().stream().limit(MAX_METRICS).forEach(metric -> parts.add(metric.name() + " " + format(metric)));
        }
        long errors = probe.errors().stream().mapToLong(error -> error.count()).sum();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /** Prefers run-wide names ("p99_ms") to per-command ones ("get.p99_ms") but accepts one dot for host ids. */
    private static boolean isOverall(MetricValue metric, String suffix) {
        String name = metric.name();
        return name.endsWith(suffix) && !name.contains("mean") && name.chars().filter(c -> c == '.').count() <= 1;
    }

    private static String format(MetricValue metric) {
        double value = metric.value();
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
        return number + " " + metric.unit();
    }
}
