package io.clusterbench.report;

import io.clusterbench.result.AxisScale;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws a load probe's timeline as one SVG: throughput above (offered dashed, achieved solid, errors as red marks on
 * the time axis) and latency below (p50 and p99), over the time since its first round started. Warm-up seconds are
 * shaded grey, the rounds of condition A blue and of B orange, each round labelled, so a stall shows as a dip in
 * throughput and a p99 spike at its second, and a drift as a slope across rounds.
 *
 * <p>Presentation attributes only ({@link Svg}: Jenkins' Content-Security-Policy); both y axes start at 0 with
 * round ticks and carry their unit. Series break where a point has no value (a second without a single answer has
 * no p99), rather than drawing a line through the gap.
 *
 * @param title what the chart shows, also its SVG title
 * @param rounds the rounds to draw, in run order, each with its points
 * @param width the SVG's width in user units (the page scales it down to fit)
 * @param sharedTops the tops of the throughput and latency axes when charts are compared side by side, or empty
 *     for the chart's own
 */
record TimelineChart(String title, List<TimelineRound> rounds, int width, List<Double> sharedTops) {

    static final int WIDTH = 720;
    static final int HALF_WIDTH = 480;
    static final String ACHIEVED = "#0072b2";
    static final String OFFERED = "#555555";
    static final String P50 = "#009e73";
    static final String P99 = "#d55e00";
    static final String ERROR = "#cc0000";

    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 22;
    private static final int PLOT = 120;
    private static final int GAP = 34;
    private static final int BOTTOM = 64;

    TimelineChart {
        Objects.requireNonNull(title, "title");
        rounds = List.copyOf(rounds);
        sharedTops = List.copyOf(sharedTops);
    }

    /** One chart of these rounds at full width. */
    static TimelineChart of(String title, List<TimelineRound> rounds) {
        return new TimelineChart(title, rounds, WIDTH, List.of());
    }

    /** Two charts to be shown side by side, on the same y axes so that their heights compare. */
    static List<TimelineChart> pair(String leftTitle, List<TimelineRound> left, String rightTitle,
            List<TimelineRound> right) {
        TimelineChart a = new TimelineChart(leftTitle, left, HALF_WIDTH, List.of());
        TimelineChart b = new TimelineChart(rightTitle, right, HALF_WIDTH, List.of());
        List<Double> tops = List.of(Math.max(a.throughputMax(), b.throughputMax()),
                Math.max(a.latencyMax(), b.latencyMax()));
        return List.of(new TimelineChart(leftTitle, left, HALF_WIDTH, tops),
                new TimelineChart(rightTitle, right, HALF_WIDTH, tops));
    }

    /** The height of the SVG. */
    int height() {
        return TOP + PLOT + GAP + PLOT + BOTTOM;
    }

    /** Seconds from the first round's start to the end of the last point drawn. */
    double spanS() {
        double span = 0;
        for (TimelineRound round : rounds) {
            span = Math.max(span, offsetS(round) + round.lengthS());
        }
        return span > 0 ? span : 1;
    }

    /** The x of second {@code s} after the first round's start. */
    double x(double s) {
        return LEFT + s / spanS() * (width - LEFT - RIGHT);
    }

    /** The y of a rate in the throughput plot whose top is {@code max}. */
    static double throughputY(double value, double max) {
        return TOP + PLOT - value / max * PLOT;
    }

    /** The y of a latency in the latency plot whose top is {@code max}. */
    static double latencyY(double value, double max) {
        return TOP + PLOT + GAP + PLOT - value / max * PLOT;
    }

    /** The top of the throughput axis: a round number at or above every offered and achieved rate. */
    double throughputMax() {
        if (!sharedTops.isEmpty()) {
            return sharedTops.get(0);
        }
        return niceCeiling(points().stream()
                .mapToDouble(p -> Math.max(p.offeredPerS(), p.achievedPerS())).max().orElse(0));
    }

    /** The top of the latency axis: a round number at or above every p99 (and p50). */
    double latencyMax() {
        if (!sharedTops.isEmpty()) {
            return sharedTops.get(1);
        }
        return niceCeiling(points().stream().mapToDouble(p -> Math.max(value(p.p99Ms()), value(p.p50Ms())))
                .max().orElse(0));
    }

    void write(XMLStreamWriter xml) throws XMLStreamException {
        int height = height();
        Svg.start(xml, width, height, title);
        shading(xml);
        double throughputMax = throughputMax();
        double latencyMax = latencyMax();
        yAxis(xml, TOP, throughputMax, "req/s", true);
        yAxis(xml, TOP + PLOT + GAP, latencyMax, "ms", false);
        xAxis(xml);
        for (TimelineRound round : rounds) {
            double offset = offsetS(round);
            series(xml, round, offset, "offered", OFFERED, "5 3", p -> p.offeredPerS(),
                    v -> throughputY(v, throughputMax));
            series(xml, round, offset, "achieved", ACHIEVED, Svg.SOLID, p -> p.achievedPerS(),
                    v -> throughputY(v, throughputMax));
            series(xml, round, offset, "p50", P50, "2 2", p -> p.p50Ms(), v -> latencyY(v, latencyMax));
            series(xml, round, offset, "p99", P99, Svg.SOLID, p -> p.p99Ms(), v -> latencyY(v, latencyMax));
            errors(xml, round, offset);
        }
        legend(xml, height);
        xml.writeEndElement();
    }

    /** Warm-up grey, rounds of A blue and of B orange, behind both plots, each round labelled above. */
    private void shading(XMLStreamWriter xml) throws XMLStreamException {
        for (TimelineRound round : rounds) {
            double offset = offsetS(round);
            double from = x(offset);
            double to = x(offset + round.lengthS());
            String fill = switch (round.condition()) {
                case "A" -> "#dbe9f6";
                case "B" -> "#fbe3d0";
                default -> "#f4f4f4";
            };
            band(xml, from, to, fill, "round " + round.index() + (round.condition().isEmpty() ? ""
                    : " (" + round.condition() + ")") + ": " + Numbers.format(round.lengthS()) + " s");
            double warmup = round.warmupS();
            if (warmup > 0) {
                band(xml, from, x(offset + warmup), "#cccccc", "warm-up of round " + round.index() + ": "
                        + Numbers.format(warmup) + " s, in no measured metric");
            }
            if (rounds.size() > 1 || !round.condition().isEmpty()) {
                Svg.text(xml, (from + to) / 2, TOP - 6, "middle", 10, round.condition() + round.index());
            }
        }
    }

    private void band(XMLStreamWriter xml, double from, double to, String fill, String tooltip)
            throws XMLStreamException {
        for (int top : new int[] {TOP, TOP + PLOT + GAP}) {
            xml.writeStartElement("rect");
            Svg.attributes(xml, "class", "band", "x", from, "y", (double) top, "width", Math.max(to - from, 0.5),
                    "height", (double) PLOT, "fill", fill, "stroke", "none");
            Svg.title(xml, tooltip);
            xml.writeEndElement();
        }
    }

    private void yAxis(XMLStreamWriter xml, int top, double max, String unit, boolean throughput)
            throws XMLStreamException {
        // Five ticks: niceCeiling makes the top five round steps.
        for (int tick = 0; tick <= 5; tick++) {
            double value = max / 5 * tick;
            double y = top + PLOT - value / max * PLOT;
            Svg.line(xml, LEFT, y, width - RIGHT, y, tick == 0 ? Svg.INK : "#e0e0e0");
            Svg.text(xml, LEFT - 6, y + 4, "end", 11, Numbers.format(value));
        }
        Svg.axisLabel(xml, 14, top + PLOT / 2.0, 11, (throughput ? "throughput (" : "latency (") + unit + ")");
    }

    private void xAxis(XMLStreamWriter xml) throws XMLStreamException {
        double span = spanS();
        double step = niceCeiling(span) / 5;
        int bottom = TOP + PLOT + GAP + PLOT;
        Svg.line(xml, LEFT, TOP, LEFT, bottom, Svg.INK);
        for (double s = 0; s <= span + 1e-9; s += step) {
            double x = x(s);
            Svg.line(xml, x, bottom, x, bottom + 4, Svg.INK);
            Svg.line(xml, x, TOP + PLOT, x, TOP + PLOT + 4, Svg.INK);
            Svg.text(xml, x, bottom + 16, "middle", 11, Numbers.format(s));
        }
        Svg.text(xml, LEFT + (width - LEFT - RIGHT) / 2.0, bottom + 32, "middle", 11,
                "time since the first round started (s)");
    }

    private interface Value {
        Double of(TimelinePoint point);
    }

    private interface Scale {
        double y(double value);
    }

    /** One polyline per run of points that have a value, each point at the middle of its time. */
    private void series(XMLStreamWriter xml, TimelineRound round, double offset, String name, String colour,
            String dash, Value value, Scale scale) throws XMLStreamException {
        List<double[]> run = new ArrayList<>();
        for (TimelinePoint point : round.points()) {
            Double v = value.of(point);
            if (v == null) {
                polyline(xml, name, colour, dash, run, round);
                run = new ArrayList<>();
                continue;
            }
            run.add(new double[] {x(offset + point.atS() + point.lengthS() / 2), scale.y(v)});
        }
        polyline(xml, name, colour, dash, run, round);
    }

    private static void polyline(XMLStreamWriter xml, String name, String colour, String dash, List<double[]> run,
            TimelineRound round) throws XMLStreamException {
        if (run.isEmpty()) {
            return;
        }
        List<double[]> drawn = new ArrayList<>(run);
        if (drawn.size() == 1) {
            // One point alone would draw nothing: a short level stroke shows it.
            double[] only = drawn.get(0);
            drawn = List.of(new double[] {only[0] - 3, only[1]}, new double[] {only[0] + 3, only[1]});
        }
        List<String> points = drawn.stream().map(p -> Svg.point(p[0], p[1])).toList();
        Svg.polyline(xml, name, String.join(" ", points), colour, dash, name + ", round " + round.index());
    }

    /** A red mark on the throughput plot's time axis for every point with errors, its count as tooltip. */
    private void errors(XMLStreamWriter xml, TimelineRound round, double offset) throws XMLStreamException {
        for (TimelinePoint point : round.points()) {
            if (point.errors() == 0) {
                continue;
            }
            xml.writeStartElement("rect");
            Svg.attributes(xml, "class", "errors", "x", x(offset + point.atS()), "y", (double) (TOP + PLOT - 6),
                    "width", Math.max(x(offset + point.endS()) - x(offset + point.atS()), 2.0), "height", 6.0,
                    "fill", ERROR, "stroke", "none");
            Svg.title(xml, point.errors() + " errors in round " + round.index() + " from "
                    + Numbers.format(point.atS()) + " s to " + Numbers.format(point.endS()) + " s");
            xml.writeEndElement();
        }
    }

    private void legend(XMLStreamWriter xml, int height) throws XMLStreamException {
        double y = height - 10;
        double step = (width - LEFT - RIGHT) / 6.0;
        String[][] lines = {{"offered", OFFERED, "5 3"}, {"achieved", ACHIEVED, Svg.SOLID}, {"p50", P50, "2 2"},
            {"p99", P99, Svg.SOLID}};
        for (int i = 0; i < lines.length; i++) {
            double x = LEFT + i * step;
            Svg.sample(xml, x, y - 4, x + 18, lines[i][1], lines[i][2]);
            Svg.text(xml, x + 22, y, "start", 10, lines[i][0]);
        }
        double x = LEFT + 4 * step;
        xml.writeEmptyElement("rect");
        Svg.attributes(xml, "x", x, "y", y - 9, "width", 10, "height", 6, "fill", ERROR, "stroke", "none");
        Svg.text(xml, x + 14, y, "start", 10, "errors");
        x += step;
        xml.writeEmptyElement("rect");
        Svg.attributes(xml, "x", x, "y", y - 10, "width", 12, "height", 10, "fill", "#cccccc", "stroke", "none");
        Svg.text(xml, x + 16, y, "start", 10, "warm-up");
    }

    private double offsetS(TimelineRound round) {
        Instant first = rounds.get(0).startedAt();
        return Math.max(0, Duration.between(first, round.startedAt()).toNanos() / 1e9);
    }

    private List<TimelinePoint> points() {
        return rounds.stream().flatMap(r -> r.points().stream()).toList();
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    /** The top tick of a from-zero axis over {@code 0..value} ({@link AxisScale}); 1 when there is nothing above 0. */
    private static double niceCeiling(double value) {
        return value > 0 ? AxisScale.between(0, value, AxisScale.Floor.ZERO).high() : 1;
    }
}
