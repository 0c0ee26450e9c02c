package io.clusterbench.cli;

import io.clusterbench.result.ErrorTally;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the headline numbers of a run: per probe its status, its throughput, median and p99 latencies (or, for
 * probes of hosts, their use), otherwise its first few metrics, and its errors ({@link ErrorTally}); result.json has
 * all of them.
 */
final class HeadlineTable {
    /** Run-wide metric names worth a headline, in the order they are shown. */
    private static final List<String> HEADLINE_NAMES = List.of(
            "ops_per_s", "requests_per_s", "request_throughput", "output_throughput", "p50_ms", "p99_ms",
            "ttft_p99_ms", "value");
    /** For probes of hosts, whose names start with a host id: the endings worth a headline. */
    private static final List<String> PER_HOST_ENDINGS = List.of(".used_pct", ".cpu_used_pct", ".util_pct");
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
        for (String name : HEADLINE_NAMES) {
            probe.metrics().stream().filter(metric -> metric.name().equals(name)).findFirst()
                    .ifPresent(metric -> parts.add(describe(metric)));
        }
        if (parts.isEmpty()) {
            for (MetricValue metric : probe.metrics()) {
                if (PER_HOST_ENDINGS.stream().anyMatch(metric.name()::endsWith)) {
                    parts.add(describe(metric));
                }
            }
        }
        if (parts.isEmpty()) {
            probe.metrics().stream().limit(MAX_METRICS).forEach(metric -> parts.add(describe(metric)));
        }
        List<String> shown = new ArrayList<>(parts.subList(0, Math.min(MAX_METRICS, parts.size())));
        // The errors metric under its own name, and the error log's events beside it when they differ.
        ErrorTally.of(probe).headline().ifPresent(shown::add);
        return shown.isEmpty() ? "-" : String.join(", ", shown);
    }

    private static String describe(MetricValue metric) {
        return metric.name() + " " + Numbers.withUnit(metric.value(), metric.unit());
    }
}
