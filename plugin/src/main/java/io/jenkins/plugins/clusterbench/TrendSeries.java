package io.jenkins.plugins.clusterbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.result.Verdict;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.TrendModel;
import io.clusterbench.result.TrendPalette;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Renders core's {@link TrendModel} (the model the HTML trend page draws too) as the JSON of echarts-api's
 * {@code LinesChartModel}: the score per build, each point in its verdict's colour, and the chosen metrics as a
 * percentage of their largest value in the window (one value axis beside the 0-100 score). Which metrics, which
 * colours and the scaling are core's; this class only maps them to the chart's keys.
 */
public final class TrendSeries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendSeries() {
    }

    /**
     * One build as the trend walks it.
     *
     * @param number the build's number
     * @param label its display name, such as {@code #12}
     * @param results its Cluster Bench results, one per id
     */
    record BuildResults(int number, String label, List<ClusterBenchAction> results) {
    }

    /**
     * The chart of result {@code id} over builds given newest first: a build without a result of that id is left
     * out, so the results of other ids in the same builds never mix into it; the newest result's spec decides which
     * metrics are drawn, so a change to trend.metrics shows with the next build.
     */
    static String chartFor(String id, List<BuildResults> newestFirst) {
        List<TrendPoint> points = new ArrayList<>();
        ClusterBenchAction newest = null;
        for (BuildResults build : newestFirst) {
            for (ClusterBenchAction result : build.results()) {
                if (result.getId().equals(id)) {
                    points.add(TrendPoint.of(build.number(), build.label(), result));
                    newest = newest == null ? result : newest;
                    break;
                }
            }
        }
        List<String> metrics = newest == null ? List.of() : newest.getTrendMetrics();
        return toJson(points, model(points, metrics));
    }

    /**
     * The model for builds given newest first (as Jenkins lists them), with the newest build's spec's
     * {@code trend.metrics} when it names any, else core's default choice.
     */
    static TrendModel model(List<TrendPoint> newestFirst, List<String> newestTrendMetrics) {
        List<TrendPoint> points = new ArrayList<>(newestFirst);
        Collections.reverse(points);
        List<RunSummary> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (TrendPoint point : points) {
            Verdict verdict = verdictOf(point.verdict());
            runs.add(new RunSummary("#" + point.buildNumber(), Instant.EPOCH, "", verdict == null ? null
                    : point.score(), verdict, null, null, List.of(), point.failedObjectives(), point.metrics(),
                    null));
            labels.add(point.label());
        }
        return TrendModel.of(runs, labels, TrendModel.chooseMetrics(runs, newestTrendMetrics));
    }

    /** The chart model's JSON; {@code newestFirst} gives the build numbers a click opens. */
    public static String toJson(List<TrendPoint> newestFirst, TrendModel model) {
        ObjectNode chart = JSON.createObjectNode();
        ArrayNode labels = chart.putArray("domainAxisLabels");
        model.labels().forEach(labels::add);
        ArrayNode builds = chart.putArray("buildNumbers");
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            builds.add(newestFirst.get(i).buildNumber());
        }
        ArrayNode series = chart.putArray("series");
        ObjectNode score = line(Messages.TrendSeries_Score(), TrendPalette.SCORE_LINE);
        ArrayNode scores = score.putArray("data");
        for (int i = 0; i < model.scores().size(); i++) {
            Double value = model.scores().get(i);
            if (value == null) {
                scores.addNull(); // a gap: an unscored build has no score, not a score of 0
            } else {
                ObjectNode item = scores.addObject();
                item.put("value", round(value));
                item.putObject("itemStyle").put("color", model.pointColor(i));
            }
        }
        series.add(score);
        for (TrendModel.MetricSeries metric : model.metrics()) {
            double max = metric.max();
            ObjectNode line = line(max == 0 ? Messages.TrendSeries_AlwaysZero(metric.metric())
                    : Messages.TrendSeries_PercentOfMax(metric.metric(),
                            String.format(Locale.ROOT, "%.4g", max) + suffix(metric.unit())), metric.color());
            ArrayNode data = line.putArray("data");
            metric.percentOfMax().forEach(value -> {
                if (value == null) {
                    data.addNull();
                } else {
                    data.add(round(value));
                }
            });
            series.add(line);
        }
        chart.put("domainAxisItemName", Messages.TrendSeries_Build());
        chart.put("integerRangeAxis", false);
        chart.put("rangeMax", 100);
        chart.put("rangeMin", 0);
        return chart.toString();
    }

    private static Verdict verdictOf(String name) {
        return Arrays.stream(Verdict.values()).filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static String suffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
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
}
