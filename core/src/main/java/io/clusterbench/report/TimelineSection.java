package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.TimelineFigure;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The timeline part of a load probe's section: one chart of all its rounds and, when a tuning was applied and
 * verified by A/B rounds, the before and after timelines side by side on the same axes. Markdown gets the gist as a
 * table: per round, the slowest and fastest second and the worst p99 with the second it happened in.
 */
final class TimelineSection {

    private TimelineSection() {
    }

    /** The timeline blocks of one probe of {@code result}; none for a probe without a timeline. */
    static List<Block> of(ProbeMeasurement probe, RunResult result) {
        Timeline timeline = probe.timeline();
        if (timeline == null || timeline.pointCount() == 0) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        String note = timeline.note().isEmpty() ? "" : " (" + timeline.note() + ")";
        blocks.add(new TimelineFigure("Timeline of " + probe.probe() + ": throughput (offered dashed, achieved solid,"
                + " errors red) and latency (p50, p99) per " + Numbers.format(timeline.bucketS()) + " s" + note
                + "; warm-up grey, rounds before tuning (A) blue, tuned (B) orange",
                List.of(TimelineChart.of("Timeline of " + probe.probe(), timeline.rounds())),
                rounds(probe.probe(), timeline)));
        List<TimelineRound> before = timeline.rounds("A");
        List<TimelineRound> after = timeline.rounds("B");
        if (verified(result) && !before.isEmpty() && !after.isEmpty()) {
            blocks.add(new TimelineFigure("Before and after the tuning, " + probe.probe() + ": the A rounds (before"
                    + " tuning) beside the B rounds (tuned), on the same axes",
                    TimelineChart.pair("Before tuning: " + probe.probe(), before, "Tuned: " + probe.probe(), after),
                    conditions(probe.probe(), before, after, timeline.bucketS())));
        }
        return blocks;
    }

    /** Draws the figure: its charts, then its caption. */
    static void writeHtml(TimelineFigure figure, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("figure");
        xml.writeAttribute("class", "timeline");
        for (TimelineChart chart : figure.charts()) {
            chart.write(xml);
        }
        xml.writeStartElement("figcaption");
        xml.writeCharacters(XmlText.clean(figure.caption()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Whether a tuning was applied and read back, and its effect measured against rounds before it. */
    private static boolean verified(RunResult result) {
        return result.comparison() != null
                && result.changes().stream().anyMatch(c -> c.status() == ChangeStatus.APPLIED);
    }

    private static Table rounds(String probe, Timeline timeline) {
        List<List<Cell>> rows = new ArrayList<>();
        for (TimelineRound round : timeline.rounds()) {
            rows.add(row(String.valueOf(round.index()), round.condition(), List.of(round), timeline.bucketS()));
        }
        return new Table("Timeline of " + probe + " per round: achieved throughput of its slowest, median and fastest"
                + " whole " + Numbers.format(timeline.bucketS()) + " s, and its worst p99 with the second it was in"
                + " (seconds from the round's start, warm-up included); the HTML report draws every second",
                headers(), rows);
    }

    private static Table conditions(String probe, List<TimelineRound> before, List<TimelineRound> after,
            double bucket) {
        List<List<Cell>> rows = List.of(row(before.size() + " rounds", "A", before, bucket),
                row(after.size() + " rounds", "B", after, bucket));
        return new Table("Before and after the tuning, " + probe + ": the timelines' gist per condition", headers(),
                rows);
    }

    private static List<String> headers() {
        return List.of("Round", "Condition", "Measured s", "Slowest req/s", "Median req/s", "Fastest req/s",
                "Worst p99 ms", "At s", "Errors");
    }

    private static List<Cell> row(String round, String condition, List<TimelineRound> rounds, double bucket) {
        List<TimelinePoint> measured = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        Optional<TimelinePoint> worst = Optional.empty();
        for (TimelineRound r : rounds) {
            for (TimelinePoint p : r.points()) {
                if (p.warmup()) {
                    continue;
                }
                measured.add(p);
                // A short last point's rate is a few answers over a fraction of a second: left out of the extremes.
                if (p.lengthS() >= bucket / 2) {
                    whole.add(p.achievedPerS());
                }
                if (p.p99Ms() != null && (worst.isEmpty() || p.p99Ms() > worst.get().p99Ms())) {
                    worst = Optional.of(p);
                }
            }
        }
        double[] rates = whole.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double seconds = measured.stream().mapToDouble(TimelinePoint::lengthS).sum();
        long errors = measured.stream().mapToLong(TimelinePoint::errors).sum();
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(round));
        row.add(Cell.text(condition.isEmpty() ? "-" : condition));
        row.add(Cell.number(Numbers.format(seconds)));
        row.add(Cell.number(rates.length == 0 ? "-" : Numbers.format(rates[0])));
        row.add(Cell.number(rates.length == 0 ? "-" : Numbers.format(rates[rates.length / 2])));
        row.add(Cell.number(rates.length == 0 ? "-" : Numbers.format(rates[rates.length - 1])));
        row.add(Cell.number(worst.map(p -> Numbers.format(p.p99Ms())).orElse("-")));
        row.add(Cell.number(rounds.size() == 1 ? worst.map(p -> Numbers.format(Math.floor(p.atS()))).orElse("-")
                : "-"));
        row.add(Cell.number(String.valueOf(errors)));
        return row;
    }
}
