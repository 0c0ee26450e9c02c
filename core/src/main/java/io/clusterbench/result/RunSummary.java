package io.clusterbench.result;

import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the trend needs of one run, a few hundred bytes instead of a full {@code result.json}: its score, verdict,
 * thresholds and a small map of chosen metrics.
 *
 * @param runId the run's id
 * @param startedAt when the run started; the trend orders runs by it
 * @param cluster the cluster name from the spec
 * @param score the total score, or null when the run was not scored or could not be scored (verdict ERROR)
 * @param verdict the verdict, or null when the run was not scored
 * @param passThreshold the run's pass threshold, or null when not scored
 * @param warningThreshold the run's warning threshold, or null when not scored
 * @param objectiveMetrics the metrics the run's objectives judged, {@code probe.metric}, in spec order
 * @param failedObjectives the metrics of the objectives that failed, in spec order (absent in older summaries)
 * @param metrics {@code probe.metric} to value: objectives' measured values, headline metrics and selected metrics
 * @param units {@code probe.metric} to unit, for the metrics in {@link #metrics}
 */
public record RunSummary(
        String runId,
        Instant startedAt,
        String cluster,
        Double score,
        Verdict verdict,
        Double passThreshold,
        Double warningThreshold,
        List<String> objectiveMetrics,
        List<String> failedObjectives,
        Map<String, Double> metrics,
        Map<String, String> units) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(cluster, "cluster");
        objectiveMetrics = objectiveMetrics == null ? List.of() : List.copyOf(objectiveMetrics);
        failedObjectives = failedObjectives == null ? List.of() : List.copyOf(failedObjectives);
        // Sorted, so that summary files are byte-for-byte stable for the same result.
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
        units = units == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(units));
    }

    /**
     * Summarises a result: objectives' measured values, every probe's headline metrics (see {@link #isHeadline})
     * and the {@code selected} metrics that the run measured. Where a metric exists with several label sets, the
     * first one in {@code result.json} is kept.
     */
    public static RunSummary of(RunResult result, Collection<String> selected) {
        Set<String> wanted = Set.copyOf(selected);
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        ScoreResult score = result.score();
        List<String> objectiveMetrics = List.of();
        List<String> failedObjectives = List.of();
        if (score != null) {
            objectiveMetrics = score.objectives().stream().map(ObjectiveResult::metric).distinct().toList();
            failedObjectives = score.objectives().stream().filter(o -> o.status() == ObjectiveStatus.FAIL)
                    .map(ObjectiveResult::metric).distinct().toList();
            for (ObjectiveResult objective : score.objectives()) {
                if (objective.measured() != null && Double.isFinite(objective.measured())) {
                    metrics.putIfAbsent(objective.metric(), objective.measured());
                    units.putIfAbsent(objective.metric(), objective.unit() == null ? "" : objective.unit());
                }
            }
        }
        Set<String> objectiveNames = Set.copyOf(objectiveMetrics);
        for (ProbeMeasurement probe : result.probes()) {
            for (MetricValue metric : probe.metrics()) {
                String name = probe.probe() + "." + metric.name();
                if (isHeadline(metric.name()) || objectiveNames.contains(name) || wanted.contains(name)) {
                    metrics.putIfAbsent(name, metric.value());
                    units.putIfAbsent(name, metric.unit());
                }
            }
        }
        boolean scored = score != null && score.verdict() != Verdict.ERROR;
        return new RunSummary(
                result.runId(),
                result.startedAt(),
                result.cluster(),
                scored ? score.score() : null,
                score == null ? null : score.verdict(),
                score == null ? null : score.passThreshold(),
                score == null ? null : score.warningThreshold(),
                objectiveMetrics,
                failedObjectives,
                metrics,
                units);
    }

    /**
     * Whether a probe's metric is one every summary keeps without being asked: p99 latencies, throughputs
     * ({@code ...p99_ms}, {@code ...ops_per_s}, {@code ...requests_per_s}, {@code ...throughput}) and the capacities
     * a search found ({@link CapacityMetrics#isCapacity}).
     */
    public static boolean isHeadline(String metricName) {
        return CapacityMetrics.isCapacity(metricName)
                || metricName.endsWith("p99_ms")
                || metricName.endsWith("ops_per_s")
                || metricName.endsWith("requests_per_s")
                || metricName.endsWith("throughput");
    }
}
