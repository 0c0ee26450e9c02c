package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Chart;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The measurements part of the report: one section per probe with its metrics, errors and latency curves. */
final class MeasurementSections {

    private MeasurementSections() {
    }

    static List<Block> of(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Measurements", "measurements"));
        if (result.probes().isEmpty()) {
            blocks.add(Line.of("This run measured nothing: 0 probes.").paragraph());
            return blocks;
        }
        for (ProbeMeasurement probe : result.probes()) {
            blocks.addAll(probe(probe));
            blocks.addAll(TimelineSection.of(probe, result));
        }
        return blocks;
    }

    private static List<Block> probe(ProbeMeasurement probe) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(3, "Probe " + probe.probe() + " (" + probe.kind() + ")", "probe-" + probe.probe()));
        blocks.add(Line.of("Target ").code(probe.target()).text("; status ").strong(probe.status().name())
                .text("; ran " + Numbers.duration(probe.duration()) + ", from " + probe.startedAt() + " to "
                        + probe.endedAt() + "; " + probe.metrics().size() + " metrics, " + probe.latencies().size()
                        + " latency histograms, " + probe.errors().size() + " distinct errors.")
                .paragraph(Tones.of(probe.status())));
        if (!probe.metrics().isEmpty()) {
            blocks.add(metrics(probe));
        }
        if (!probe.errors().isEmpty()) {
            blocks.add(errors(probe));
        }
        if (!probe.latencies().isEmpty()) {
            blocks.addAll(latencies(probe));
        }
        return blocks;
    }

    private static Table metrics(ProbeMeasurement probe) {
        List<List<Cell>> rows = new ArrayList<>();
        for (MetricValue metric : probe.metrics()) {
            rows.add(List.of(Cell.code(probe.probe() + "." + metric.name()), Cell.number(Numbers.format(metric.value())),
                    Cell.text(metric.unit()), Cell.text(labels(metric.labels()))));
        }
        return new Table("Metrics of " + probe.probe() + " (objectives address them by the name shown)",
                List.of("Metric", "Value", "Unit", "Labels"), rows);
    }

    private static Table errors(ProbeMeasurement probe) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ProbeError error : probe.errors()) {
            rows.add(List.of(Cell.code(error.kind().word()), Cell.number(String.valueOf(error.count())),
                    Cell.text(error.firstAt() == null ? "-" : error.firstAt().toString()),
                    Line.of(error.message()).cell(Tones.of(probe.status()))));
        }
        return new Table("Errors of " + probe.probe() + " (identical errors counted once)",
                List.of("Kind", "Count", "First at", "Message"), rows);
    }

    private static List<Block> latencies(ProbeMeasurement probe) {
        List<Block> blocks = new ArrayList<>();
        PercentileCurves curves = PercentileCurves.of(probe.latencies());
        if (!curves.curves().isEmpty()) {
            blocks.add(new Chart("Latency percentiles of " + probe.probe() + " (" + curves.unit() + ")", curves));
            blocks.add(percentileTable(probe, curves));
        }
        if (!curves.left().isEmpty()) {
            blocks.add(new Bullets(curves.left().stream()
                    .map(reason -> Line.of("Histogram not drawn: " + reason + ".").item(Tone.WARN)).toList()));
        }
        return blocks;
    }

    private static Table percentileTable(ProbeMeasurement probe, PercentileCurves curves) {
        List<String> headers = new ArrayList<>(List.of("Histogram", "Count", "Min"));
        for (double p : PercentileCurves.KEY_PERCENTILES) {
            headers.add("p" + Numbers.format(p));
        }
        headers.add("Max");
        List<List<Cell>> rows = new ArrayList<>();
        for (PercentileCurves.Curve curve : curves.curves()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.code(curve.name()));
            row.add(Cell.number(String.valueOf(curve.count())));
            row.add(Cell.number(Numbers.format(curve.min())));
            curve.keyValues().forEach(v -> row.add(Cell.number(Numbers.format(v))));
            row.add(Cell.number(Numbers.format(curve.max())));
            rows.add(row);
        }
        return new Table("Latency of " + probe.probe() + " in " + curves.unit()
                + ", from the exact HdrHistograms (each value is the upper bound of its bucket, as HdrHistogram reports "
                + "percentiles)",
                headers, rows);
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
