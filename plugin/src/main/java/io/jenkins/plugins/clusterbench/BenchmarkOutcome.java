package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.CapacityMetrics;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.SummaryLimits;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a benchmark on the agent sends back to the controller: a few hundred bytes, never the whole result.
 *
 * <p>Collections are plain {@link ArrayList} and {@link TreeMap} on purpose: they cross the remoting channel, whose
 * class filter (JEP-200) is surest with those, unlike the JDK's immutable collections.
 *
 * @param runId the run's id from result.json
 * @param score the total score, or null when the spec has no objectives or the run could not be scored
 * @param verdict the verdict's name, such as {@code PASS}, or {@code UNSCORED} when the run was not scored
 * @param resultPath result.json relative to the workspace, with {@code /} separators
 * @param failedObjectives the metrics of the objectives that failed, in spec order
 * @param metrics {@code probe.metric} to value: core's headline metrics, the objectives' measured values and the
 *     spec's trend metrics that the run measured
 * @param details every objective's explanation and every change, for the build's own page
 * @param trendMetrics the spec's {@code trend.metrics}, in spec order, which the job's trend draws; empty when the
 *     spec has no {@code trend:} section
 * @param capacities the capacity of each probe that searched for one, in run order (core's {@link
 *     CapacityMetrics}), at most {@link SummaryLimits#MAX_CAPACITIES}
 */
public record BenchmarkOutcome(String runId, Double score, String verdict, String resultPath,
        List<String> failedObjectives, Map<String, Double> metrics, BuildDetails details, List<String> trendMetrics,
        List<CapacityLine> capacities) implements Serializable {

    /** Verdict shown when the spec has no objectives, so there is nothing to score. */
    public static final String UNSCORED = "UNSCORED";

    public BenchmarkOutcome {
        failedObjectives = new ArrayList<>(failedObjectives);
        metrics = new TreeMap<>(metrics);
        details = details == null ? BuildDetails.none() : details;
        trendMetrics = trendMetrics == null ? new ArrayList<>() : new ArrayList<>(trendMetrics);
        capacities = capacities == null ? new ArrayList<>()
                : new ArrayList<>(capacities.subList(0, Math.min(capacities.size(), SummaryLimits.MAX_CAPACITIES)));
    }

    /** An outcome without capacity searches. */
    public BenchmarkOutcome(String runId, Double score, String verdict, String resultPath,
            List<String> failedObjectives, Map<String, Double> metrics, BuildDetails details,
            List<String> trendMetrics) {
        this(runId, score, verdict, resultPath, failedObjectives, metrics, details, trendMetrics, List.of());
    }

    /** An outcome of a spec without a {@code trend:} section. */
    public BenchmarkOutcome(String runId, Double score, String verdict, String resultPath,
            List<String> failedObjectives, Map<String, Double> metrics, BuildDetails details) {
        this(runId, score, verdict, resultPath, failedObjectives, metrics, details, List.of());
    }

    /** Summarises a run of a spec without a {@code trend:} section. */
    public static BenchmarkOutcome of(RunResult result, String resultPath) {
        return of(result, resultPath, List.of());
    }

    /**
     * Summarises a run with core's trend summary, so the plugin picks no metrics of its own; {@code trendMetrics}
     * (the spec's {@code trend.metrics}) are kept among the metrics even when they are not headline metrics, so the
     * job's trend can draw them from the build's summary alone.
     */
    public static BenchmarkOutcome of(RunResult result, String resultPath, List<String> trendMetrics) {
        RunSummary summary = RunSummary.of(result, trendMetrics);
        List<String> failed = new ArrayList<>();
        if (result.score() != null) {
            for (ObjectiveResult objective : result.score().objectives()) {
                if (objective.status() == ObjectiveStatus.FAIL) {
                    failed.add(objective.metric());
                }
            }
        }
        String verdict = summary.verdict() == null ? UNSCORED : summary.verdict().name();
        return new BenchmarkOutcome(result.runId(), summary.score(), verdict, resultPath, failed, summary.metrics(),
                BuildDetails.of(result), trendMetrics,
                CapacityMetrics.of(result).stream().map(CapacityLine::of).toList());
    }

    /** The value {@code benchmarkCluster} returns to a Pipeline script; keys are documented in docs/jenkins.md. */
    public Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", runId);
        map.put("score", score);
        map.put("verdict", verdict);
        map.put("resultPath", resultPath);
        map.put("failedObjectives", new ArrayList<>(failedObjectives));
        map.put("metrics", new LinkedHashMap<>(metrics));
        Map<String, Object> byProbe = new LinkedHashMap<>();
        capacities.forEach(capacity -> byProbe.put(capacity.getProbe(), capacity.toStepResult()));
        map.put("capacities", byProbe);
        return map;
    }
}
