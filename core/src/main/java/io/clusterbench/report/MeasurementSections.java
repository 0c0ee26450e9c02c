package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Chart;
import io.clusterbench.report.Doc.Details;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The measurements part of the report, one section per probe: its status, a short headline table ({@link
 * Headline}), a capacity search's curve ({@link CapacitySection}), its charts, its errors, and the full metric
 * and percentile tables folded under a {@code <details>}.
 * At most {@link #DETAILED_PROBES} probes get a section; the others are counted in one paragraph that points to
 * result.json.
 */
final class MeasurementSections {

    /**
     * The most probes shown in full. A run of 20,000 probes made 14 MB of Markdown and 28 MB of HTML that took
     * seconds to write and nobody reads; every failure stays visible all the same, since each error of a probe that
     * did not end OK is listed under "Needs attention" and each objective in its table.
     */
    static final int DETAILED_PROBES = 100;

    private MeasurementSections() {
    }

    static List<Block> of(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Measurements", "measurements"));
        if (result.probes().isEmpty()) {
            blocks.add(Line.of("This run measured nothing: 0 probes.").paragraph());
            return blocks;
        }
        List<ObjectiveResult> objectives = result.score() == null ? List.of() : result.score().objectives();
        Shown shown = Shown.of(result.probes());
        for (ProbeMeasurement probe : shown.detailed()) {
            blocks.addAll(probe(probe, objectives, result));
        }
        if (!shown.rest().isEmpty()) {
            blocks.add(Line.of("Not shown here: " + AuditReport.counts("probe", shown.rest(),
                    ProbeMeasurement::status, ProbeStatus.values()) + ". A report shows at most " + DETAILED_PROBES
                    + " probes in full, those that did not end OK first; the metrics, histograms and errors of every"
                    + " probe are in result.json, and each probe that did not end OK is listed under \"Needs attention\" with its"
                    + " errors' count and first error.").paragraph());
        }
        return blocks;
    }

    /**
     * Which probes get a section, in run order: all of them up to {@link #DETAILED_PROBES}; beyond that the probes
     * that did not end OK first, then the others in run order, up to that many.
     *
     * @param detailed the probes shown in full
     * @param rest the others, in run order
     */
    record Shown(List<ProbeMeasurement> detailed, List<ProbeMeasurement> rest) {

        static Shown of(List<ProbeMeasurement> probes) {
            boolean[] chosen = new boolean[probes.size()];
            int count = 0;
            for (int i = 0; i < probes.size() && count < DETAILED_PROBES; i++) {
                if (probes.get(i).status() != ProbeStatus.OK) {
                    chosen[i] = true;
                    count++;
                }
            }
            for (int i = 0; i < probes.size() && count < DETAILED_PROBES; i++) {
                if (!chosen[i]) {
                    chosen[i] = true;
                    count++;
                }
            }
            List<ProbeMeasurement> detailed = new ArrayList<>(count);
            List<ProbeMeasurement> rest = new ArrayList<>(probes.size() - count);
            for (int i = 0; i < probes.size(); i++) {
                (chosen[i] ? detailed : rest).add(probes.get(i));
            }
            return new Shown(List.copyOf(detailed), List.copyOf(rest));
        }
    }

    private static List<Block> probe(ProbeMeasurement probe, List<ObjectiveResult> objectives,
            RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(3, "Probe " + probe.probe() + " (" + probe.kind() + ")", "probe-" + probe.probe()));
        blocks.add(Line.of("Target ").code(probe.target()).text("; status ").strong(probe.status().name())
                .text("; ran " + Numbers.duration(probe.duration()) + ", from " + probe.startedAt() + " to "
                        + probe.endedAt() + "; " + Plural.of(probe.metrics().size(), "metric") + ", "
                        + Plural.of(probe.latencies().size(), "latency histogram") + ", "
                        + Plural.of(probe.errors().size(), "distinct error") + ".")
                .paragraph(Tones.of(probe.status())));
        if (!probe.metrics().isEmpty()) {
            blocks.add(Headline.table(probe, objectives));
        }
        // The search's conclusion and curve right under the headline: the capacity is what the probe ran for.
        blocks.addAll(CapacitySection.of(probe.probe(), probe.capacity()));
        PercentileCurves curves = PercentileCurves.of(probe.latencies());
        if (!curves.curves().isEmpty()) {
            blocks.add(new Chart("Latency percentiles of " + probe.probe() + " (" + curves.unit() + ")", curves));
        }
        // The timeline chart (and the before/after pair of a verified tuning) after the percentile chart.
        blocks.addAll(TimelineSection.of(probe, result));
        if (!curves.left().isEmpty()) {
            blocks.add(new Bullets(curves.left().stream()
                    .map(reason -> Line.of("Histogram not drawn: " + reason + ".").item(Tone.WARN)).toList()));
        }
        if (!probe.errors().isEmpty()) {
            blocks.add(errors(probe));
        }
        List<Block> folded = new ArrayList<>();
        if (!probe.metrics().isEmpty()) {
            folded.add(metrics(probe));
        }
        if (!curves.curves().isEmpty()) {
            folded.add(percentileTable(probe, curves));
        }
        if (!folded.isEmpty()) {
            blocks.add(new Details("All " + Plural.of(probe.metrics().size(), "metric") + " of " + probe.probe()
                    + (curves.curves().isEmpty() ? "" : " and its latency percentiles"), folded));
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
