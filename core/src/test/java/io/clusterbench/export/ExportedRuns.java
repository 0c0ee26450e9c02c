package io.clusterbench.export;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.result.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test helper: a scored, gated and compared run made by hand, with numbers chosen so that each exported value can
 * be checked exactly: a probe id with a dot in it, a metric measured twice with different labels, two objectives on
 * one metric, an effect without a relative change.
 */
final class ExportedRuns {
    static final String CLUSTER = "memory-system";
    static final String RUN_ID = "20260101T000000Z-abc123";
    static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant ENDED = Instant.parse("2026-01-01T00:01:30.500Z");

    private ExportedRuns() {
    }

    static RunResult tunedRun() {
        return tunedRun(CLUSTER, RUN_ID);
    }

    static RunResult tunedRun(String cluster, String runId) {
        ProbeMeasurement cache = probe("cache.primary", "redis", ProbeStatus.OK, List.of(
                MetricValue.of("ops_per_s", 41502.5, "ops/s"),
                MetricValue.of("p50_ms", 0.95, "ms"),
                MetricValue.of("p99_ms", 2.61, "ms"),
                MetricValue.of("get.p99_ms", 2.5, "ms"),
                MetricValue.of("used_memory", 1048576, "bytes")));
        ProbeMeasurement gpu = probe("gpu-metrics", "promql", ProbeStatus.PARTIAL, List.of(
                new MetricValue("value", 87.5, "percent", Map.of("gpu", "0")),
                new MetricValue("value", 12.5, "percent", Map.of("gpu", "1"))));
        ProbeMeasurement lb = probe("lb", "http", ProbeStatus.FAILED, List.of());
        ScoreResult score = new ScoreResult(82.5, Verdict.WARNING, 90, 75, "82.5 is below 90",
                List.of(objective("cache.primary.p99_ms", "<= 2", ObjectiveStatus.WARNING, 2.61, true),
                        objective("cache.primary.p99_ms", "<= +10%", ObjectiveStatus.PASS, 2.61, false),
                        objective("gpu-metrics.value", "<= 90", ObjectiveStatus.PASS, 87.5, false),
                        objective("lb.p99_ms", "<= 50", ObjectiveStatus.FAIL, null, false)));
        RunComparison comparison = new RunComparison("20251231T000000Z-before", RunComparison.ALTERNATING,
                "ABBAABBAAB", 5, "alternating", List.of(
                        new MetricEffect("cache.primary.p99_ms", "ms", true, null, null, -0.4, -0.6, -0.1, -13.3,
                                -20.0, -3.3, 5.0, 0.15, 0.968, EffectVerdict.IMPROVED, "improved"),
                        MetricEffect.without("cache.primary.ops_per_s", "ops/s", false, null, null,
                                EffectVerdict.INCONCLUSIVE, "too few rounds")),
                List.of(), false, false, "1 improved");
        GateOutcome gate = new GateOutcome(GateStatus.UNSTABLE, Verdict.WARNING, 82.5, 0, "warning",
                GatePolicy.DEFAULT);
        return new RunResult(RunResult.SCHEMA_VERSION, runId, cluster, "cluster.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "test", "17", "here", "Linux"), STARTED, ENDED, List.of(),
                List.of(cache, gpu, lb), List.of(), List.of(), score, comparison, gate);
    }

    /** A run of measurements only: no score, no gate, no comparison. */
    static RunResult measuredOnly() {
        ProbeMeasurement cache = probe("cache", "redis", ProbeStatus.OK, List.of(
                MetricValue.of("ops_per_s", 1000, "ops/s"), MetricValue.of("used_memory", 5, "bytes")));
        return new RunResult(RunResult.SCHEMA_VERSION, RUN_ID, CLUSTER, "cluster.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "test", "17", "here", "Linux"), STARTED, ENDED, List.of(),
                List.of(cache));
    }

    private static ProbeMeasurement probe(String id, String kind, ProbeStatus status, List<MetricValue> metrics) {
        return new ProbeMeasurement(id, kind, "target-of-" + id, status, STARTED, ENDED, metrics, List.of(),
                List.of());
    }

    private static ObjectiveResult objective(String metric, String pass, ObjectiveStatus status, Double measured,
            boolean key) {
        return new ObjectiveResult(metric, pass, null, 1, key, status, measured, measured == null ? null : "ms",
                null, null, List.of(), null, null, status == ObjectiveStatus.PASS ? 1 : 0, 0, "because");
    }
}
