package io.clusterbench.report;

import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.result.CapacityMetrics;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ProbeMeasurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few numbers of a probe that a reader looks at first, at most {@link #MOST}: the metrics its objectives judge
 * (in spec order), then the capacities a search found, then throughput, the latency percentiles p50, p99, p99.9
 * and max, errors, and the levels a host or query probe reports, in that order; at least {@link #LEAST} when the probe has that many, topped up in the
 * probe's own order. The full table stays in the report, folded.
 */
final class Headline {

    /** The most rows the headline table holds. */
    static final int MOST = 8;
    /** The fewest rows, when the probe has that many metrics. */
    static final int LEAST = 5;

    /**
     * Metric names in the order a reader wants them; a name matches a metric called exactly that or ending in
     * {@code .name} for the whole probe or one host ({@code local.used_pct}), never a per-command one such as
     * {@code get.p99_ms}, which the full table lists.
     */
    private static final List<String> PREFERRED = List.of("ops_per_s", "requests_per_s", "output_tokens_per_s",
            "p50_ms", "p99_ms", "p999_ms", "max_ms", "ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "tpot_p99_ms",
            "errors", "error_pct", "value", "used_pct", "cpu_used_pct", "load1", "utilization_pct");

    /** The per-command and warm-up metrics the headline leaves to the full table. */
    private static final List<String> DETAIL_PREFIXES = List.of("warmup.", "get.", "set.");

    private Headline() {
    }

    /** The probe's headline metrics, in the order described above. */
    static List<MetricValue> of(ProbeMeasurement probe, List<ObjectiveResult> objectives) {
        Map<String, MetricValue> chosen = new LinkedHashMap<>();
        for (ObjectiveResult objective : objectives) {
            for (MetricValue metric : probe.metrics()) {
                if (objective.metric().equals(probe.probe() + "." + metric.name())) {
                    chosen.putIfAbsent(metric.name(), metric);
                }
            }
        }
        // A capacity search's answer before any other number: it is what the probe ran for.
        for (MetricValue metric : probe.metrics()) {
            if (CapacityMetrics.isCapacity(metric.name())) {
                chosen.putIfAbsent(metric.name(), metric);
            }
        }
        for (String name : PREFERRED) {
            for (MetricValue metric : probe.metrics()) {
                if (isDetail(metric.name())) {
                    continue;
                }
                if (metric.name().equals(name) || metric.name().endsWith("." + name)
                        && metric.name().indexOf('.') == metric.name().lastIndexOf('.')) {
                    chosen.putIfAbsent(metric.name(), metric);
                }
            }
        }
        for (MetricValue metric : probe.metrics()) {
            if (chosen.size() >= LEAST) {
                break;
            }
            if (!isDetail(metric.name())) {
                chosen.putIfAbsent(metric.name(), metric);
            }
        }
        return chosen.values().stream().limit(MOST).toList();
    }

    /** The headline as a table: metric, value with unit, and the objective that judges it, if one does. */
    static Table table(ProbeMeasurement probe, List<ObjectiveResult> objectives) {
        List<MetricValue> headline = of(probe, objectives);
        List<List<Cell>> rows = new ArrayList<>();
        for (MetricValue metric : headline) {
            String name = probe.probe() + "." + metric.name();
            ObjectiveResult judged = objectives.stream().filter(o -> o.metric().equals(name)).findFirst()
                    .orElse(null);
            rows.add(List.of(Cell.code(name), Cell.number(Numbers.withUnit(metric.value(), metric.unit())),
                    judged == null ? Cell.text("-")
                            : Line.empty().strong(judged.status().name()).text(" (pass ").code(judged.pass())
                                    .text(")").cell(Tones.of(judged.status()))));
        }
        return new Table("Headline numbers of " + probe.probe() + ": " + headline.size() + " of "
                + Plural.of(probe.metrics().size(), "metric") + " (all of them below, folded)",
                List.of("Metric", "Value", "Objective"), rows);
    }

    private static boolean isDetail(String name) {
        return DETAIL_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
