package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.CapacityFigure;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.Numbers;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The capacity part of a searching probe's section: the search's conclusion as a banner (a warning when it found no
 * capacity, so "inconclusive" is never read as a number), then its curve. The HTML draws the curve ({@link
 * CapacityChart}) with the step table folded beneath; Markdown shows the step table, one row per load measured,
 * the knee and the lowest failed load named in their rows.
 */
final class CapacitySection {

    /** The step metrics a table column shows, when some step measured them: name, header. */
    private static final List<String[]> COLUMNS = List.of(new String[] {"requests_per_s", "Achieved req/s"},
            new String[] {"ops_per_s", "Achieved ops/s"}, new String[] {"request_throughput", "Achieved req/s"},
            new String[] {"sent_per_s", "Sent/s"}, new String[] {"p50_ms", "p50 ms"},
            new String[] {"p99_ms", "p99 ms"}, new String[] {"error_pct", "Errors %"},
            new String[] {"goodput", "Goodput req/s"}, new String[] {"output_throughput", "Output tok/s"},
            new String[] {"ttft_p99_ms", "TTFT p99 ms"}, new String[] {"tpot_p99_ms", "TPOT p99 ms"});

    private CapacitySection() {
    }

    /** The capacity blocks of {@code probe}'s curve; none for a probe that did not search. */
    static List<Block> of(String probe, CapacityCurve curve) {
        if (curve == null) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Line.of("Capacity search over ").code(curve.knob()).text(" (" + curve.unit() + "), SLO ")
                .codes(curve.slo(), " and ", "none").text(": " + curve.statement() + ".").paragraph(tone(curve)));
        if (curve.steps().isEmpty()) {
            return blocks;
        }
        blocks.add(new CapacityFigure("Capacity curve of " + probe + ": " + Plural.of(curve.steps().size(), "step")
                + " by offered load (" + curve.knob() + ", " + curve.unit() + "); filled circles passed, crosses"
                + " failed, hollow triangles were generator limits; the knee (highest load that passed) black"
                + " dash-dotted, the lowest load that failed dashed red",
                new CapacityChart("Capacity curve of " + probe, curve), steps(probe, curve)));
        return blocks;
    }

    /** Draws the figure, then the step table folded beneath it. */
    static void writeHtml(CapacityFigure figure, XMLStreamWriter xml, HtmlTable table) throws XMLStreamException {
        xml.writeStartElement("figure");
        xml.writeAttribute("class", "capacity");
        figure.chart().write(xml);
        xml.writeStartElement("figcaption");
        xml.writeCharacters(XmlText.clean(figure.caption()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("details");
        xml.writeStartElement("summary");
        xml.writeCharacters(XmlText.clean("The " + Plural.of(figure.steps().rows().size(), "step")
                + " of the search, by load"));
        xml.writeEndElement();
        table.write(figure.steps());
        xml.writeEndElement();
    }

    /** Writes a table as the HTML report writes every table. */
    interface HtmlTable {
        void write(Table table) throws XMLStreamException;
    }

    private static Tone tone(CapacityCurve curve) {
        return switch (curve.outcome()) {
            case CapacityCurve.FOUND, CapacityCurve.MAX_PASSED -> Tone.NEUTRAL;
            default -> Tone.WARN;
        };
    }

    static Table steps(String probe, CapacityCurve curve) {
        List<CapacityStep> byLoad = curve.byLoad();
        List<String[]> columns = COLUMNS.stream()
                .filter(c -> byLoad.stream().anyMatch(s -> s.metrics().containsKey(c[0]))).toList();
        List<String> headers = new ArrayList<>(List.of("Load " + curve.unit(), "Step", "Verdict", "Rounds met"));
        columns.forEach(c -> headers.add(c[1]));
        headers.add("Missed");
        List<List<Cell>> rows = new ArrayList<>();
        for (CapacityStep step : byLoad) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.number(Numbers.format(step.load())));
            row.add(Cell.number(String.valueOf(step.index())));
            row.add(Cell.status(verdict(step, curve), switch (step.verdict()) {
                case CapacityStep.PASS -> Tone.GOOD;
                case CapacityStep.FAIL -> Tone.BAD;
                default -> Tone.WARN;
            }));
            row.add(Cell.number(step.roundsPassed() + " of " + step.rounds()));
            for (String[] column : columns) {
                row.add(Cell.number(Numbers.format(step.metrics().get(column[0]))));
            }
            row.add(Cell.text(step.failed().isEmpty() ? "-" : String.join(", ", step.failed())));
            rows.add(row);
        }
        return new Table("Capacity search of " + probe + ", one row per step by offered load (" + curve.knob()
                + "); a step passes when every round met the SLO (" + String.join(" and ", curve.slo())
                + "); a generator limit says nothing of the server", headers, rows);
    }

    private static String verdict(CapacityStep step, CapacityCurve curve) {
        boolean knee = step.passed() && curve.passed() != null && step.load() == curve.passed();
        boolean lowestFailed = step.verdict().equals(CapacityStep.FAIL) && curve.failed() != null
                && step.load() == curve.failed();
        return step.verdict() + (knee ? " (knee)" : lowestFailed ? " (lowest failed)" : "");
    }
}
