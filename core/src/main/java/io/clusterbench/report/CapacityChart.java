package io.clusterbench.report;

import io.clusterbench.result.AxisScale;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws a capacity search's curve as one SVG, the offered load on a shared x axis and up to three plots above it:
 * latency (p50, p99), throughput (achieved, goodput) and errors, each present only when a step measured it. Every
 * step is a marker whose shape says its verdict, so colour is not needed to read it: a filled circle passed, a cross
 * failed, a hollow grey triangle was a generator limit (the generator could not offer the load, so the step says
 * nothing of the server and no line runs through it). A black dash-dotted line marks the knee, the highest load
 * that passed in all its rounds, and a dashed red line the lowest load that failed; the capacity lies between them.
 * The knee is a marker, not a series, so neither its colour nor its dashes are any series' (p50 is green and dotted).
 *
 * <p>Presentation attributes only, never a {@code style} attribute (Jenkins' Content-Security-Policy); every y axis
 * starts at zero with nice ticks ({@link AxisScale}) and carries its unit, and so does the x axis.
 *
 * @param title what the chart shows, also its SVG title
 * @param curve the search's curve
 */
record CapacityChart(String title, CapacityCurve curve) {

    static final int WIDTH = 720;
    /** The knee's stroke: black, which no series uses, dash-dotted, which no series' dashes resemble. */
    static final String KNEE = "#000000";
    static final String KNEE_DASH = "8 3 2 3";
    static final String FAILED = "#cc0000";
    static final String GENERATOR = "#888888";

    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 30;
    private static final int PLOT = 110;
    private static final int GAP = 26;
    private static final int BOTTOM = 62;
    /** The step metrics that hold the achieved throughput, first present wins, with their unit. */
    private static final List<String[]> ACHIEVED = List.of(new String[] {"requests_per_s", "req/s"},
            new String[] {"ops_per_s", "ops/s"}, new String[] {"request_throughput", "req/s"});

    CapacityChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(curve, "curve");
    }

    /** One series of a plot: a step metric drawn as a line with markers. */
    private record Series(String name, String metric, String colour, String dash) {
    }

    /** One plot: its axis label and unit, and its series. */
    private record Plot(String label, String unit, List<Series> series) {
    }

    /** The plots this curve has data for, top to bottom. */
    private List<Plot> plots() {
        List<Plot> plots = new ArrayList<>();
        List<Series> latency = new ArrayList<>();
        if (measured("p50_ms")) {
            latency.add(new Series("p50", "p50_ms", TimelineChart.P50, "2 2"));
        }
        if (measured("p99_ms")) {
            latency.add(new Series("p99", "p99_ms", TimelineChart.P99, Svg.SOLID));
        }
        if (!latency.isEmpty()) {
            plots.add(new Plot("latency", "ms", latency));
        }
        List<Series> throughput = new ArrayList<>();
        Optional<String[]> achieved = ACHIEVED.stream().filter(a -> measured(a[0])).findFirst();
        achieved.ifPresent(a -> throughput.add(new Series("achieved", a[0], TimelineChart.ACHIEVED, Svg.SOLID)));
        if (measured("goodput")) {
            throughput.add(new Series("goodput", "goodput", "#cc79a7", "6 3"));
        }
        if (!throughput.isEmpty()) {
            plots.add(new Plot("throughput", achieved.map(a -> a[1]).orElse("req/s"), throughput));
        }
        if (measured("error_pct")) {
            plots.add(new Plot("errors", "%", List.of(new Series("errors", "error_pct", FAILED, Svg.SOLID))));
        }
        return plots;
    }

    int height() {
        return TOP + Math.max(plots().size(), 1) * (PLOT + GAP) - GAP + BOTTOM;
    }

    /** The load axis: from zero to a nice tick at or above the highest load measured. */
    AxisScale loadAxis() {
        double highest = curve.steps().stream().mapToDouble(CapacityStep::load).max().orElse(0);
        return AxisScale.between(0, highest, AxisScale.Floor.ZERO);
    }

    double x(double load) {
        return LEFT + loadAxis().fraction(load) * (WIDTH - LEFT - RIGHT);
    }

    void write(XMLStreamWriter xml) throws XMLStreamException {
        int height = height();
        Svg.start(xml, WIDTH, height, title);
        List<Plot> plots = plots();
        for (int i = 0; i < plots.size(); i++) {
            plot(xml, plots.get(i), TOP + i * (PLOT + GAP));
        }
        int bottom = TOP + Math.max(plots.size(), 1) * (PLOT + GAP) - GAP;
        xAxis(xml, bottom);
        marks(xml, bottom);
        legend(xml, height);
        xml.writeEndElement();
    }

    private void plot(XMLStreamWriter xml, Plot plot, int top) throws XMLStreamException {
        List<Double> values = new ArrayList<>();
        for (Series series : plot.series()) {
            curve.steps().forEach(step -> values.add(step.metrics().get(series.metric())));
        }
        AxisScale axis = AxisScale.of(values, AxisScale.Floor.ZERO);
        List<String> labels = axis.labels();
        for (int tick = 0; tick < axis.ticks().size(); tick++) {
            double y = y(axis.ticks().get(tick), axis, top);
            Svg.line(xml, LEFT, y, WIDTH - RIGHT, y, tick == 0 ? Svg.INK : "#e0e0e0");
            Svg.text(xml, LEFT - 6, y + 4, "end", 11, labels.get(tick));
        }
        Svg.line(xml, LEFT, top, LEFT, top + PLOT, Svg.INK);
        Svg.axisLabel(xml, 14, top + PLOT / 2.0, 11, plot.label() + " (" + plot.unit() + ")");
        for (Series series : plot.series()) {
            line(xml, series, axis, top);
        }
        for (Series series : plot.series()) {
            for (CapacityStep step : curve.byLoad()) {
                Double value = step.metrics().get(series.metric());
                if (value != null) {
                    marker(xml, step, x(step.load()), y(value, axis, top), series, plot.unit());
                }
            }
        }
    }

    /** The series' line through the steps that judged the server: a generator limit's numbers are the generator's. */
    private void line(XMLStreamWriter xml, Series series, AxisScale axis, int top) throws XMLStreamException {
        List<String> points = new ArrayList<>();
        for (CapacityStep step : curve.byLoad()) {
            Double value = step.metrics().get(series.metric());
            if (value != null && !step.verdict().equals(CapacityStep.GENERATOR_LIMIT)) {
                points.add(Svg.point(x(step.load()), y(value, axis, top)));
            }
        }
        if (points.size() < 2) {
            return;
        }
        Svg.polyline(xml, series.name(), String.join(" ", points), series.colour(), series.dash(),
                series.name() + " by offered load");
    }

    /** A step's marker, its shape by verdict, with the step's numbers as tooltip. */
    private void marker(XMLStreamWriter xml, CapacityStep step, double x, double y, Series series, String unit)
            throws XMLStreamException {
        String tooltip = "step " + step.index() + ": " + Numbers.format(step.load()) + " " + curve.unit() + ", "
                + step.verdict() + " (" + step.roundsPassed() + " of " + step.rounds() + " rounds met the SLO), "
                + series.name() + " " + Numbers.format(step.metrics().get(series.metric())) + " " + unit
                + (step.failed().isEmpty() ? "" : "; missed " + String.join(", ", step.failed()));
        xml.writeStartElement(step.passed() ? "circle" : step.verdict().equals(CapacityStep.FAIL) ? "path"
                : "polygon");
        if (step.passed()) {
            Svg.attributes(xml, "class", "step-pass", "cx", x, "cy", y, "r", 3.5, "fill", series.colour(), "stroke",
                    series.colour(), "stroke-width", 1);
        } else if (step.verdict().equals(CapacityStep.FAIL)) {
            Svg.attributes(xml, "class", "step-fail", "d", cross(x, y, 4), "fill", "none", "stroke",
                    series.colour(), "stroke-width", 2);
        } else {
            Svg.attributes(xml, "class", "step-generator-limit", "points", Svg.point(x, y - 5) + " "
                    + Svg.point(x - 5, y + 4) + " " + Svg.point(x + 5, y + 4), "fill", "#ffffff", "stroke",
                    GENERATOR, "stroke-width", 1.5);
        }
        Svg.title(xml, tooltip);
        xml.writeEndElement();
    }

    private void xAxis(XMLStreamWriter xml, int bottom) throws XMLStreamException {
        AxisScale axis = loadAxis();
        List<String> labels = axis.labels();
        for (int tick = 0; tick < axis.ticks().size(); tick++) {
            double x = x(axis.ticks().get(tick));
            Svg.line(xml, x, bottom, x, bottom + 4, Svg.INK);
            Svg.text(xml, x, bottom + 16, "middle", 11, labels.get(tick));
        }
        Svg.text(xml, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, bottom + 32, "middle", 11, "offered load: "
                + curve.knob() + " (" + curve.unit() + ")");
    }

    /** The knee (highest passed) and the lowest failed load, across every plot, labelled above the first. */
    private void marks(XMLStreamWriter xml, int bottom) throws XMLStreamException {
        if (curve.passed() != null) {
            mark(xml, curve.passed(), bottom, KNEE, KNEE_DASH, 2, "knee " + Numbers.format(curve.passed()), "end",
                    "knee: " + Numbers.format(curve.passed()) + " " + curve.unit()
                            + ", the highest load that passed in all its rounds");
        }
        if (curve.failed() != null) {
            mark(xml, curve.failed(), bottom, FAILED, "5 3", 1.5, "failed " + Numbers.format(curve.failed()), "start",
                    "the lowest load that failed: " + Numbers.format(curve.failed()) + " " + curve.unit());
        }
    }

    private void mark(XMLStreamWriter xml, double load, int bottom, String colour, String dash, double width,
            String label, String anchor, String tooltip) throws XMLStreamException {
        double x = x(load);
        xml.writeStartElement("line");
        Svg.attributes(xml, "class", anchor.equals("end") ? "knee" : "lowest-failed", "x1", x, "y1", TOP - 4.0,
                "x2", x, "y2", (double) bottom, "stroke", colour, "stroke-width", width);
        Svg.dash(xml, dash);
        Svg.title(xml, tooltip);
        xml.writeEndElement();
        // The knee's label left of its line and the failed one's right of its own, so close loads never overlap.
        Svg.text(xml, anchor.equals("end") ? x - 4 : x + 4, TOP - 10, anchor, 10, label);
    }

    private void legend(XMLStreamWriter xml, int height) throws XMLStreamException {
        double y = height - 8;
        double x = LEFT;
        xml.writeEmptyElement("circle");
        Svg.attributes(xml, "cx", x + 4, "cy", y - 4, "r", 3.5, "fill", Svg.INK, "stroke", "none");
        Svg.text(xml, x + 12, y, "start", 10, "passed");
        x += 70;
        xml.writeEmptyElement("path");
        Svg.attributes(xml, "d", cross(x + 4, y - 4, 4), "fill", "none", "stroke", Svg.INK, "stroke-width", 2);
        Svg.text(xml, x + 12, y, "start", 10, "failed");
        x += 62;
        xml.writeEmptyElement("polygon");
        Svg.attributes(xml, "points", Svg.point(x + 4, y - 9) + " " + Svg.point(x - 1, y) + " " + Svg.point(x + 9, y),
                "fill", "#ffffff", "stroke", GENERATOR, "stroke-width", 1.5);
        Svg.text(xml, x + 14, y, "start", 10, "generator limit");
        x += 110;
        Svg.sample(xml, x, y - 4, x + 18, KNEE, KNEE_DASH);
        Svg.text(xml, x + 22, y, "start", 10, "knee");
        x += 56;
        xml.writeEmptyElement("line");
        Svg.attributes(xml, "x1", x, "y1", y - 4, "x2", x + 18, "y2", y - 4, "stroke", FAILED, "stroke-width", 1,
                "stroke-dasharray", "5 3");
        Svg.text(xml, x + 22, y, "start", 10, "lowest failed");
        x += 94;
        for (Series series : List.of(new Series("p50", "", TimelineChart.P50, "2 2"),
                new Series("p99", "", TimelineChart.P99, Svg.SOLID),
                new Series("achieved", "", TimelineChart.ACHIEVED, Svg.SOLID))) {
            Svg.sample(xml, x, y - 4, x + 14, series.colour(), series.dash());
            Svg.text(xml, x + 18, y, "start", 10, series.name());
            x += 62;
        }
    }

    /** A cross of two strokes, {@code half} each way from its centre: the failed step's marker. */
    private static String cross(double x, double y, double half) {
        return "M" + Svg.coordinate(x - half) + " " + Svg.coordinate(y - half) + " L" + Svg.coordinate(x + half) + " "
                + Svg.coordinate(y + half) + " M" + Svg.coordinate(x - half) + " " + Svg.coordinate(y + half) + " L"
                + Svg.coordinate(x + half) + " " + Svg.coordinate(y - half);
    }

    private boolean measured(String metric) {
        return curve.steps().stream().anyMatch(s -> s.metrics().containsKey(metric));
    }

    private static double y(double value, AxisScale axis, int top) {
        return top + PLOT - axis.fraction(value) * PLOT;
    }
}
