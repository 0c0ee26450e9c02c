package io.clusterbench.trend;

import io.clusterbench.result.AxisScale;
import io.clusterbench.result.TimeLabels;
import io.clusterbench.result.TrendData;
import io.clusterbench.result.TrendModel;
import io.clusterbench.result.TrendPalette;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Draws one line chart as inline SVG with presentation attributes only (no {@code style}), so that it renders under
 * Jenkins' default Content-Security-Policy: the score over runs coloured by verdict, or one metric over runs.
 */
final class TrendChart {

    /** Point fill per verdict: pass green, warning amber, fail red, inconclusive grey, error dark red. */
    static final String PASS_FILL = TrendPalette.PASS;
    static final String WARNING_FILL = TrendPalette.WARNING;
    static final String FAIL_FILL = TrendPalette.FAIL;
    static final String INCONCLUSIVE_FILL = TrendPalette.INCONCLUSIVE;
    static final String ERROR_FILL = TrendPalette.ERROR;
    static final String METRIC_FILL = TrendPalette.metric(0);

    private static final int WIDTH = 760;
    private static final int LEFT = 72;
    private static final int RIGHT = 40;
    private static final int TOP = 12;
    private static final int BOTTOM = 46;
    /** At most this many runs get a time label under the x axis; more would overlap at 760 px. */
    private static final int TIME_LABELS = 5;

    private final TrendData data;
    private final StringBuilder svg = new StringBuilder(64 * 1024);

    private TrendChart(TrendData data) {
        this.data = data;
    }

    /** The fill of a point of the score line for a verdict: the palette every trend chart shares. */
    static String fill(Verdict verdict) {
        return TrendPalette.of(verdict);
    }

    /** The score chart: 0 to 100, points coloured by verdict, pass and warning thresholds as dashed lines. */
    static String score(TrendData data, TrendModel model) {
        TrendChart chart = new TrendChart(data);
        List<Double> scores = model.scores();
        int[] drawn = Downsample.indices(scores, Downsample.MAX_POINTS);
        chart.open(236, "Score of each run, 0 to 100, coloured by verdict");
        AxisScale range = AxisScale.fixed(0, 100, 20);
        chart.axes(range, 236, "score (0-100)");
        // Thresholds belong to the spec, not to one run: they run on across runs that were not scored.
        chart.threshold(data.runs().stream().map(RunSummary::passThreshold).toList(), drawn, range, 236, PASS_FILL,
                "pass threshold");
        chart.threshold(data.runs().stream().map(RunSummary::warningThreshold).toList(), drawn, range, 236,
                WARNING_FILL, "warning threshold");
        chart.line(scores, drawn, range, 236, TrendPalette.SCORE_LINE);
        chart.points(scores, drawn, range, 236, model::pointColor, "score", "");
        return chart.close();
    }

    /** One metric's chart, its axis fitted to the values, in the colour the model gives the metric. */
    static String metric(TrendData data, TrendModel model, String metric) {
        TrendChart chart = new TrendChart(data);
        TrendModel.MetricSeries series = model.metrics().stream().filter(s -> s.metric().equals(metric))
                .findFirst().orElse(new TrendModel.MetricSeries(metric, data.unit(metric), METRIC_FILL,
                        data.values(metric)));
        List<Double> values = series.values();
        int[] drawn = Downsample.indices(values, Downsample.MAX_POINTS);
        String unit = series.unit();
        String color = series.color();
        chart.open(186, metric + " of each run" + (unit.isEmpty() ? "" : ", in " + unit));
        AxisScale range = AxisScale.of(values, AxisScale.Floor.forUnit(unit, values));
        chart.axes(range, 186, unit.isEmpty() ? "value (no unit)" : unit);
        chart.line(values, drawn, range, 186, color);
        chart.points(values, drawn, range, 186, i -> color, metric, unit);
        return chart.close();
    }

    private void open(int height, String label) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Xml.escape(label)).append("\">\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(height - TOP - BOTTOM)
                .append("\" fill=\"#ffffff\" stroke=\"#d0d7de\"/>\n");
    }

    private String close() {
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Nice y ticks with the unit beside them, and the start times of a few runs under the x axis. */
    private void axes(AxisScale range, int height, String yTitle) {
        List<String> labels = range.labels();
        for (int tick = 0; tick < range.ticks().size(); tick++) {
            String y = Xml.coordinate(y(range.ticks().get(tick), range, height));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#eaeef2\" stroke-width=\"1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(labels.get(tick)).append("</text>\n");
        }
        String middle = Xml.coordinate(TOP + (height - TOP - BOTTOM) / 2.0);
        svg.append("<text x=\"14\" y=\"").append(middle).append("\" font-size=\"10\" fill=\"#57606a\"")
                .append(" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(middle).append(")\">")
                .append(Xml.escape(yTitle)).append("</text>\n");
        List<RunSummary> runs = data.runs();
        List<Integer> labelled = labelledRuns(runs.size());
        List<java.time.Instant> times = new ArrayList<>();
        labelled.forEach(i -> times.add(runs.get(i).startedAt()));
        List<String> timeLabels = TimeLabels.of(times);
        for (int i = 0; i < labelled.size(); i++) {
            int index = labelled.get(i);
            String anchor = labelled.size() == 1 ? "middle" : i == 0 ? "start" : i == labelled.size() - 1 ? "end"
                    : "middle";
            label(x(index), height - 28, anchor, timeLabels.get(i));
        }
        label(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, height - 8, "middle",
                "run start (" + TimeLabels.ZONE + "), runs evenly spaced in time order");
    }

    /** The runs that get a time label: the first, the last and up to three evenly between them. */
    static List<Integer> labelledRuns(int runs) {
        List<Integer> indices = new ArrayList<>();
        int count = Math.min(runs, TIME_LABELS);
        for (int i = 0; i < count; i++) {
            int index = count == 1 ? 0 : (int) Math.round((double) i * (runs - 1) / (count - 1));
            if (indices.isEmpty() || indices.get(indices.size() - 1) != index) {
                indices.add(index);
            }
        }
        return indices;
    }

    private void label(double x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(Xml.coordinate(x)).append("\" y=\"").append(y)
                .append("\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"").append(anchor).append("\">")
                .append(Xml.escape(text)).append("</text>\n");
    }

    /** Draws a threshold as one dashed line through the runs that have one. */
    private void threshold(List<Double> values, int[] drawn, AxisScale range, int height, String stroke, String title) {
        StringBuilder points = new StringBuilder();
        for (int index : drawn) {
            Double value = values.get(index);
            if (value != null) {
                points.append(points.isEmpty() ? "" : " ").append(Xml.coordinate(x(index))).append(',')
                        .append(Xml.coordinate(y(value, range, height)));
            }
        }
        flush(points, stroke, "4 3", title);
    }

    /** Draws the drawn points of a series as polylines, broken where a run has no value. */
    private void line(List<Double> values, int[] drawn, AxisScale range, int height, String stroke) {
        StringBuilder points = new StringBuilder();
        for (int index : drawn) {
            Double value = values.get(index);
            if (value == null) {
                flush(points, stroke, null, null);
                continue;
            }
            points.append(points.isEmpty() ? "" : " ").append(Xml.coordinate(x(index))).append(',')
                    .append(Xml.coordinate(y(value, range, height)));
        }
        flush(points, stroke, null, null);
    }

    private void flush(StringBuilder points, String stroke, String dashes, String title) {
        if (points.isEmpty()) {
            return;
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        if (dashes != null) {
            svg.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        svg.append(" points=\"").append(points).append('"');
        if (title == null) {
            svg.append("/>\n");
        } else {
            svg.append("><title>").append(Xml.escape(title)).append("</title></polyline>\n");
        }
        points.setLength(0);
    }

    /** One circle per drawn run with a value, with a tooltip naming the run, its time and the value. */
    private void points(List<Double> values, int[] drawn, AxisScale range, int height, IntFunction<String> fill,
            String what, String unit) {
        String radius = drawn.length > 300 ? "2" : "3.5";
        for (int index : drawn) {
            Double value = values.get(index);
            if (value == null) {
                continue;
            }
            RunSummary run = data.runs().get(index);
            svg.append("<circle class=\"point\" cx=\"").append(Xml.coordinate(x(index))).append("\" cy=\"")
                    .append(Xml.coordinate(y(value, range, height))).append("\" r=\"").append(radius)
                    .append("\" fill=\"").append(fill.apply(index)).append("\"><title>")
                    .append(Xml.escape(run.runId())).append(" at ").append(run.startedAt()).append(": ")
                    .append(Xml.escape(what)).append(' ').append(Numbers.format(value))
                    .append(unit.isEmpty() ? "" : " " + Xml.escape(unit))
                    .append(run.verdict() == null ? "" : " (" + run.verdict() + ")")
                    .append("</title></circle>\n");
        }
    }

    private double x(int index) {
        int n = data.runs().size();
        double width = WIDTH - LEFT - RIGHT;
        // One run sits in the middle; otherwise runs are spread evenly in time order.
        return n <= 1 ? LEFT + width / 2 : LEFT + width * index / (n - 1);
    }

    private static double y(double value, AxisScale range, int height) {
        double plot = height - TOP - BOTTOM;
        return TOP + plot * (1 - range.fraction(value));
    }
}
