package io.clusterbench.result;

import io.clusterbench.result.RunSummary;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.TrendSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every trend chart draws, the HTML trend page's and the Jenkins job's: one point per run, oldest first, with
 * its score and verdict colour, and one series per chosen metric. The choice of metrics, the colours and the
 * scaling are made here once; a chart only renders them.
 *
 * @param labels one label per run, oldest first (a date, a build number)
 * @param scores the score of each run; null where a run was not scored
 * @param verdicts the verdict of each run; null where a run was not scored
 * @param metrics the chosen metrics' series, in the order chosen
 */
public record TrendModel(List<String> labels, List<Double> scores, List<Verdict> verdicts,
        List<MetricSeries> metrics) {

    public TrendModel {
        labels = List.copyOf(labels);
        scores = Collections.unmodifiableList(new ArrayList<>(scores));
        verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric across the runs.
     *
     * @param metric {@code probe.metric}
     * @param unit its unit, or the empty string
     * @param color its line's colour
     * @param values its value in each run; null where a run lacks it
     */
    public record MetricSeries(String metric, String unit, String color, List<Double> values) {
        public MetricSeries {
            Objects.requireNonNull(metric, "metric");
            unit = unit == null ? "" : unit;
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** The largest absolute value in the window, 0 when it stayed 0, null when never measured. */
        public Double max() {
            return values.stream().filter(v -> v != null && Double.isFinite(v)).map(Math::abs)
                    .reduce(Math::max).orElse(null);
        }

        /**
         * Each value as a percentage of {@link #max}, for charts with one value axis beside the 0-100 score, where
         * operations per second (tens of thousands) would flatten the score; null where a run lacks the value.
         */
        public List<Double> percentOfMax() {
            Double max = max();
            List<Double> percent = new ArrayList<>(values.size());
            for (Double value : values) {
                boolean known = value != null && Double.isFinite(value);
                percent.add(!known ? null : max == 0 ? 0.0 : 100 * value / max);
            }
            return Collections.unmodifiableList(percent);
        }
    }

    /** The colour of run {@code i}'s point. */
    public String pointColor(int i) {
        return TrendPalette.of(verdicts.get(i));
    }

    /**
     * The model for runs given oldest first, each labelled, with the metrics {@link #chooseMetrics} chose; a metric
     * that no run in the window measured gets no series.
     */
    public static TrendModel of(List<RunSummary> oldestFirst, List<String> labels, List<String> chosen) {
        if (labels.size() != oldestFirst.size()) {
            throw new IllegalArgumentException("one label per run: " + labels.size() + " for " + oldestFirst.size());
        }
        List<Double> scores = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (RunSummary run : oldestFirst) {
            scores.add(run.score());
            verdicts.add(run.verdict());
        }
        List<MetricSeries> series = new ArrayList<>();
        for (String metric : chosen) {
            List<Double> values = new ArrayList<>();
            String unit = "";
            for (RunSummary run : oldestFirst) {
                values.add(run.metrics().get(metric));
                unit = run.units().getOrDefault(metric, unit);
            }
            MetricSeries line = new MetricSeries(metric, unit, TrendPalette.metric(series.size()), values);
            if (line.max() != null) {
                series.add(line);
            }
        }
        return new TrendModel(labels, scores, verdicts, series);
    }

    /**
     * The metrics a trend charts: the {@code explicit} ones (a {@code --metric} option or the spec's
     * {@code trend.metrics}) exactly, when any; otherwise the newest run's failed objectives first, then its other
     * objectives' metrics, then the capacities its searches found ({@code capacity_rps} and the like, not the knob's
     * {@code capacity_load}), then, for a run without objectives, its headline metrics by name. At most
     * {@link TrendSettings#MAX_METRICS} either way.
     */
    public static List<String> chooseMetrics(List<RunSummary> oldestFirst, List<String> explicit) {
        Set<String> chosen = new LinkedHashSet<>(explicit);
        if (chosen.isEmpty() && !oldestFirst.isEmpty()) {
            RunSummary newest = oldestFirst.get(oldestFirst.size() - 1);
            chosen.addAll(newest.failedObjectives());
            chosen.addAll(newest.objectiveMetrics());
            boolean objectives = !chosen.isEmpty();
            // A capacity search's answer is the number its probe exists for: charted even beside objectives.
            newest.metrics().keySet().stream().filter(TrendModel::isFoundCapacity).forEach(chosen::add);
            if (!objectives) {
                chosen.addAll(newest.metrics().keySet());
            }
        }
        return new ArrayList<>(chosen).subList(0, Math.min(TrendSettings.MAX_METRICS, chosen.size()));
    }

    /** Whether {@code probe.metric} is a kind's capacity metric, such as {@code lb.capacity_rps}. */
    private static boolean isFoundCapacity(String metric) {
        String name = metric.substring(metric.lastIndexOf('.') + 1);
        return CapacityMetrics.isCapacity(name) && !name.equals(CapacityMetrics.LOAD);
    }
}
