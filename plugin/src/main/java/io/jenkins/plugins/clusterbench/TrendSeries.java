package io.jenkins.plugins.clusterbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.spec.TrendSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the job page's trend as the JSON of echarts-api's {@code LinesChartModel} (jenkins-api.md §3.3 keys): the
 * score per build, each point coloured by its verdict, plus the metrics the spec's {@code trend:} section chose or a
 * few picked by default. No Jenkins types, so it is tested without Jenkins; {@link ClusterBenchJobAction} only
 * collects the points.
 *
 * <p>Metrics are drawn as a percentage of their own largest value in the window, because the chart has one value
 * axis and a score (0 to 100) beside operations per second (tens of thousands) would flatten one of them; each
 * series' name says what 100 % is.
 */
public final class TrendSeries {
    /** How many metric lines the default selection draws beside the score. */
    static final int DEFAULT_METRIC_COUNT = 3;

    static final String PASS_COLOR = "#2e7d32";
    static final String WARNING_COLOR = "#f9a825";
    static final String FAIL_COLOR = "#c62828";
    static final String OTHER_COLOR = "#757575";
    private static final String SCORE_LINE_COLOR = "#1565c0";
    /** One colour per line, as many as a spec's trend may choose, so that no two lines look alike. */
    private static final String[] METRIC_COLORS =
            {"#6a1b9a", "#00838f", "#ef6c00", "#4e342e", "#ad1457", "#283593"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendSeries() {
    }

    /** The colour of a point for a verdict: green, amber, red, or grey for inconclusive, error and unscored. */
    static String colorOf(String verdict) {
        if (verdict == null) {
            return OTHER_COLOR;
        }
        return switch (verdict) {
            case "PASS" -> PASS_COLOR;
            case "WARNING" -> WARNING_COLOR;
            case "FAIL" -> FAIL_COLOR;
            default -> OTHER_COLOR;
        };
    }

    /**
     * The metrics to draw: the newest build's spec's {@code trend.metrics} when it names any (in spec order, at most
     * {@link TrendSettings#MAX_METRICS}, only those some build in the window measured), otherwise
     * {@link #defaultMetrics}.
     *
     * @param newestFirst the builds with a summary, newest first
     * @param newestTrendMetrics the newest build's trend metrics, empty when its spec chose none
     * @param newestFailedObjectives the newest build's failed objectives, for the default selection
     */
    static List<String> chosenMetrics(List<TrendPoint> newestFirst, List<String> newestTrendMetrics,
            List<String> newestFailedObjectives) {
        if (newestTrendMetrics.isEmpty()) {
            return defaultMetrics(newestFirst, newestFailedObjectives);
        }
        // The spec's choice is the user's: exactly those lines, never topped up with picks of our own.
        return newestTrendMetrics.stream().distinct()
                .filter(metric -> newestFirst.stream().anyMatch(point -> point.metrics().containsKey(metric)))
                .limit(TrendSettings.MAX_METRICS)
                .toList();
    }

    /**
     * The metrics to draw when the user chose none: the newest build's failed objectives first (what the gate cares
     * about), then its other metrics by name, at most {@link #DEFAULT_METRIC_COUNT}.
     */
    static List<String> defaultMetrics(List<TrendPoint> newestFirst, List<String> newestFailedObjectives) {
        if (newestFirst.isEmpty()) {
            return List.of();
        }
        Set<String> available = newestFirst.get(0).metrics().keySet();
        Set<String> chosen = new LinkedHashSet<>();
        for (String metric : newestFailedObjectives) {
            if (available.contains(metric)) {
                chosen.add(metric);
            }
        }
        chosen.addAll(available);
        return new ArrayList<>(chosen).subList(0, Math.min(DEFAULT_METRIC_COUNT, chosen.size()));
    }

    /**
     * The chart model's JSON for builds given newest first (as Jenkins lists them); the chart shows them oldest first.
     */
    public static String toJson(List<TrendPoint> newestFirst, List<String> metrics) {
        List<TrendPoint> points = new ArrayList<>(newestFirst);
        Collections.reverse(points);

        ObjectNode model = JSON.createObjectNode();
        ArrayNode labels = model.putArray("domainAxisLabels");
        ArrayNode builds = model.putArray("buildNumbers");
        for (TrendPoint point : points) {
            labels.add(point.label());
            builds.add(point.buildNumber());
        }
        ArrayNode series = model.putArray("series");
        series.add(scoreSeries(points));
        for (int i = 0; i < metrics.size(); i++) {
            ObjectNode line = metricSeries(points, metrics.get(i), METRIC_COLORS[i % METRIC_COLORS.length]);
            if (line != null) {
                series.add(line);
            }
        }
        model.put("domainAxisItemName", "Build");
        model.put("integerRangeAxis", false);
        model.put("rangeMax", 100);
        model.put("rangeMin", 0);
        return model.toString();
    }

    private static ObjectNode scoreSeries(List<TrendPoint> points) {
        ObjectNode line = line("Score", SCORE_LINE_COLOR);
        ArrayNode data = line.putArray("data");
        for (TrendPoint point : points) {
            if (point.score() == null) {
                data.addNull(); // a gap: an unscored build has no score, not a score of 0
            } else {
                ObjectNode item = data.addObject();
                item.put("value", round(point.score()));
                item.putObject("itemStyle").put("color", colorOf(point.verdict()));
            }
        }
        return line;
    }

    private static ObjectNode metricSeries(List<TrendPoint> points, String metric, String color) {
        double max = 0;
        boolean measured = false;
        for (TrendPoint point : points) {
            Double value = point.metrics().get(metric);
            if (value != null && Double.isFinite(value)) {
                measured = true;
                max = Math.max(max, Math.abs(value));
            }
        }
        if (!measured) {
            return null; // never measured in this window: nothing to draw
        }
        // A metric that stayed 0 (errors, evictions) is good news worth a flat line, not a missing one.
        ObjectNode line = line(metric + (max == 0 ? " (always 0)" : " (% of " + format(max) + ")"), color);
        ArrayNode data = line.putArray("data");
        for (TrendPoint point : points) {
            Double value = point.metrics().get(metric);
            if (value == null || !Double.isFinite(value)) {
                data.addNull();
            } else {
                data.add(max == 0 ? 0.0 : round(100 * value / max));
            }
        }
        return line;
    }

    private static ObjectNode line(String name, String color) {
        ObjectNode line = JSON.createObjectNode();
        line.put("name", name);
        line.put("type", "line");
        line.put("symbol", "circle");
        line.putObject("itemStyle").put("color", color);
        return line;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
