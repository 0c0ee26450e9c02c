package io.clusterbench.result;

import io.clusterbench.result.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The trend of a history folder: every readable run's summary in time order, the metrics chosen for charts, and
 * what could not be read.
 *
 * @param historyDir the folder the runs were found in
 * @param runs one summary per run, ordered by start time, then run id
 * @param metrics the metrics chosen for charts, {@code probe.metric}: the {@code --metric} selections first, then
 *     the objectives' metrics (newest run's order first)
 * @param units the unit of each chosen metric, from the newest run that measured it
 * @param skipped one line per run folder that could not be read, {@code path: reason}
 * @param summariesReused how many runs came from an existing {@code run-summary.json}
 * @param summariesCreated how many runs were summarised from {@code result.json} in this build
 */
public record TrendData(
        Path historyDir,
        List<RunSummary> runs,
        List<String> metrics,
        Map<String, String> units,
        List<String> skipped,
        int summariesReused,
        int summariesCreated) {

    public TrendData {
        Objects.requireNonNull(historyDir, "historyDir");
        runs = List.copyOf(runs);
        metrics = List.copyOf(metrics);
        units = Collections.unmodifiableMap(new TreeMap<>(units));
        skipped = List.copyOf(skipped);
    }

    /** Whether no run was found. */
    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /**
     * What every trend chart draws for these runs (the HTML page here, the Jenkins job chart from build actions):
     * each run labelled with its start time, the chosen metrics' series and the verdict colours.
     */
    public TrendModel model() {
        return TrendModel.of(runs, runs.stream().map(run -> run.startedAt().toString()).toList(), metrics);
    }

    /** The score of each run, aligned with {@link #runs}; null where a run has no score. */
    public List<Double> scores() {
        List<Double> scores = new ArrayList<>(runs.size());
        runs.forEach(run -> scores.add(run.score()));
        return Collections.unmodifiableList(scores);
    }

    /** One metric's value in each run, aligned with {@link #runs}; null where a run lacks it. */
    public List<Double> values(String metric) {
        List<Double> values = new ArrayList<>(runs.size());
        runs.forEach(run -> values.add(run.metrics().get(metric)));
        return Collections.unmodifiableList(values);
    }

    /** The unit of a chosen metric, or the empty string when unknown. */
    public String unit(String metric) {
        return units.getOrDefault(metric, "");
    }
}
