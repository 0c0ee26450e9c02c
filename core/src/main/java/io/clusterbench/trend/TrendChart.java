package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import io.clusterbench.result.TrendModel;
import io.clusterbench.result.TrendPalette;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.Verdict;
import java.time.format.DateTimeFormatter;
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
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE
            .withZone(java.time.ZoneOffset.UTC);

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
        chart.open(220, "Score of each run, 0 to 100, coloured by verdict");
        Range range = new Range(0, 100);
        chart.axes(range, 220);
        // Thresholds belong to the spec, not to one run: they run on across runs that were not scored.
        chart.threshold(data.runs().stream().map(RunSummary::passThreshold).toList(), drawn, range, 220, PASS_FILL,
                "pass threshold");
        chart.threshold(data.runs().stream().map(RunSummary::warningThreshold).toList(), drawn, range, 220,
                WARNING_FILL, "warning threshold");
        chart.line(scores, drawn, range, 220, TrendPalette.SCORE_LINE);
        chart.points(scores, drawn, range, 220, model::pointColor, "score", "");
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
        chart.open(170, metric + " of each run" + (unit.isEmpty() ? "" : ", in " + unit));
        Range range = Range.of(values);
        chart.axes(range, 170);
        chart.line(values, drawn, range, 170, color);
        chart.points(values, drawn, range, 170, i -> color, metric, unit);
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

    private void axes(Range range, int height) {
        for (int tick = 0; tick <= 4; tick++) {
            double value = range.low() + (range.high() - range.low()) * tick / 4;
            String y = Xml.coordinate(y(value, range, height));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#eaeef2\" stroke-width=\"1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Numbers.format(value)).append("</text>\n");
        }
        List<RunSummary> runs = data.runs();
        if (!runs.isEmpty()) {
            label(LEFT, height, "start", DAY.format(runs.get(0).startedAt()));
            label(WIDTH - RIGHT, height, "end", DAY.format(runs.get(runs.size() - 1).startedAt()));
        }
    }

    private void label(int x, int height, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(height - 10)
                .append("\" font-size=\"10\" fill=\"#57606a\" text-anchor=\"").append(anchor).append("\">")
                .append(Xml.escape(text)).append("</text>\n");
    }

    /** Draws a threshold as one dashed line through the runs that have one. */
    private void threshold(List<Double> values, int[] drawn, Range range, int height, String stroke, String title) {
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
    private void line(List<Double> values, int[] drawn, Range range, int height, String stroke) {
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
    private void points(List<Double> values, int[] drawn, Range range, int height, IntFunction<String> fill,
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

    private static double y(double value, Range range, int height) {
        double plot = height - TOP - BOTTOM;
        return TOP + plot * (range.high() - value) / (range.high() - range.low());
    }

    /** The value range of an axis. */
    private record Range(double low, double high) {

        /** The values' range with 5% room above and below; a flat line gets room of its own. */
        static Range of(List<Double> values) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (Double value : values) {
                if (value != null) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
            if (low > high) {
                return new Range(0, 1);
            }
            if (low == high) {
                double room = Math.max(1, Math.abs(low) * 0.1);
                return new Range(low - room, high + room);
            }
            double room = (high - low) * 0.05;
            return new Range(low >= 0 && low - room < 0 ? 0 : low - room, high + room);
        }
    }
}
