package io.clusterbench.report;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.RoundSpread;
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
        return new RunComparison("20260101T000000Z-abcdef", RunComparison.ALTERNATING, "ABBAABBAAB", 5,
                "alternating: every change is rolled back and applied again between rounds", List.of(
                new MetricEffect("cache-latency.p99_ms", "ms", false, new RoundSpread(cacheP99 * 2, cacheP99 * 1.9,
                        cacheP99 * 2.1, 5), new RoundSpread(cacheP99, cacheP99 * 0.95, cacheP99 * 1.05, 5),
                        -cacheP99, -cacheP99 * 1.1, -cacheP99 * 0.9, -50.0, -55.0, -45.0, 12.0, cacheP99 * 0.24, 0.968,
                        EffectVerdict.IMPROVED, "improved: cache-latency.p99_ms halved"),
                new MetricEffect("web-latency.p99_ms", "ms", true, new RoundSpread(webP99 / 2, webP99 / 2.1,
                        webP99 / 1.9, 5), new RoundSpread(webP99, webP99 * 0.95, webP99 * 1.05, 5), webP99 / 2,
                        webP99 * 0.4, webP99 * 0.6, 100.0, 80.0, 120.0, 15.0, webP99 * 0.075, 0.968,
                        EffectVerdict.WORSE, "worse: web-latency.p99_ms doubled")), List.of(),
                true, false, "web-latency.p99_ms doubled (+100% [+80%, +120%]); cache-latency.p99_ms halved");
    }
}
