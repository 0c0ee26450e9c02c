package io.clusterbench.report;

import io.clusterbench.result.MetricComparison;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.util.List;

/**
 * Test helper: a score (one PASS, one key FAIL, one WARNING, one INCONCLUSIVE objective) and a comparison built by
 * hand from a real run's measured values, so the report tests do not depend on the scorer.
 */
final class HandMadeJudgement {

    private HandMadeJudgement() {
    }

    static double metricIn(RunResult run, String probe, String name) {
        return run.probes().stream().filter(p -> p.probe().equals(probe)).flatMap(p -> p.metrics().stream())
                .filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    static ScoreResult score(RunResult run, String failExplanation, String warnExplanation) {
        double cacheP99 = metricIn(run, "cache-latency", "p99_ms");
        double webP99 = metricIn(run, "web-latency", "p99_ms");
        double ops = metricIn(run, "cache-latency", "ops_per_s");
        double securedP99 = metricIn(run, "secured-latency", "p99_ms");
        List<ObjectiveResult> objectives = List.of(
                new ObjectiveResult("cache-latency.p99_ms", "<= 1000", null, 1, false, ObjectiveStatus.PASS, cacheP99,
                        "ms", 1000.0, null, List.of(), null, null, 1, 33.3,
                        "p99 " + Numbers.format(cacheP99) + " ms is within 1000 ms"),
                new ObjectiveResult("web-latency.p99_ms", "<= 0.001", "<= 0.002", 1, true, ObjectiveStatus.FAIL,
                        webP99, "ms", 0.001, null, List.of(), null, null, 0, 0, failExplanation),
                new ObjectiveResult("cache-latency.ops_per_s", ">= -10%", ">= -50%", 1, false,
                        ObjectiveStatus.WARNING, ops, "ops/s", ops * 1.25 * 0.9, ops * 1.25,
                        List.of("r1", "r2", "r3"), "mann-whitney-u", 0.0031, 0.5, 16.7, warnExplanation),
                new ObjectiveResult("secured-latency.p99_ms", "<= +10%", null, 1, false, ObjectiveStatus.INCONCLUSIVE,
                        securedP99, "ms", null, null, List.of(), null, null, 0, 0,
                        "no baseline: 0 earlier runs hold secured-latency.p99_ms"));
        return new ScoreResult(50.0, Verdict.FAIL, 90, 75,
                "key objective web-latency.p99_ms failed; the score 50.0 is below the warning threshold 75", objectives);
    }

    static RunComparison comparison(RunResult run) {
        double cacheP99 = metricIn(run, "cache-latency", "p99_ms");
        double webP99 = metricIn(run, "web-latency", "p99_ms");
        return new RunComparison("20260101T000000Z-abcdef", List.of(
                new MetricComparison("cache-latency.p99_ms", "ms", cacheP99 * 2, cacheP99, -50.0, "mann-whitney-u",
                        0.0001, true, false, false),
                new MetricComparison("web-latency.p99_ms", "ms", webP99 / 2, webP99, 100.0, "mann-whitney-u",
                        0.002, true, true, true)),
                true, false, "web-latency.p99_ms doubled (+100.0%, p = 0.002); cache-latency.p99_ms halved");
    }
}
