package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.result.Verdict;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build action's own logic only; nothing here touches a Jenkins stand-in, whose bodies throw. */
class ClusterBenchActionTest {
    private static final String ID = "clusterbench";

    @Test
    void linksEveryArchivedFileBesideResultJson() {
        ClusterBenchAction action = action("bench/out/result.json", null);

        assertThat(action.getArtifactPaths()).containsExactly("bench/out/result.json", "bench/out/evidence.jsonl",
                "bench/out/audit-report.md", "bench/out/audit-report.html", "bench/out/report.css",
                "bench/out/junit.xml");
    }

    @Test
    void aBuildSavedBeforeDetailsExistedShowsNoObjectivesOrChanges() {
        ClusterBenchAction action = action("result.json", null);

        assertThat(action.getObjectives()).isEmpty();
        assertThat(action.getChanges()).isEmpty();
        assertThat(action.getArtifactPaths()).first().isEqualTo("result.json");
    }

    @Test
    void keepsObjectivesWithExplanationsAndChangesWithEvidence() {
        BuildDetails details = new BuildDetails(
                List.of(new ObjectiveLine("cache.p99_ms", "FAIL", 3.5, "ms", "<= 2", "3.5 ms is above 2 ms.")),
                List.of(new ChangeLine("maxmemory", "cache", "APPLIED", true, "maxmemory: 0 -> 1gb", null)));

        ClusterBenchAction action = action("out/result.json", details);

        assertThat(action.getObjectives()).singleElement()
                .satisfies(o -> assertThat(o.getExplanation()).isEqualTo("3.5 ms is above 2 ms."));
        assertThat(action.getChanges()).singleElement()
                .satisfies(c -> assertThat(c.getEvidence()).isEqualTo("maxmemory: 0 -> 1gb"));
        assertThat(action.getScoreText()).isEqualTo("72.3");
    }

    @Test
    void beforeAndAfterFoldIntoOneSortedLine() {
        assertThat(ChangeLine.beforeAfter(Map.of("b", "1", "a", "x"), Map.of("a", "y", "c", "3")))
                .isEqualTo("a: x -> y; b: 1 -> ?; c: ? -> 3");
    }

    @Test
    void detailsAreCappedSoBuildXmlStaysSmall() {
        List<ObjectiveLine> many = Collections.nCopies(BuildDetails.MAX_LINES + 5,
                new ObjectiveLine("m", "PASS", 1.0, "", "<= 2", "fine"));

        assertThat(new BuildDetails(many, List.of()).getObjectives()).hasSize(BuildDetails.MAX_LINES);
    }

    @Test
    void detailsComeFromTheRunsObjectivesAndChanges() {
        Instant start = Instant.parse("2026-11-29T14:00:00Z");
        ObjectiveResult objective = new ObjectiveResult(
                "cache.p99_ms", "<= 2", null, 1, false, ObjectiveStatus.FAIL, 3.5, "ms", 2.0,
                null, List.of(), null, null, 0, 0, "3.5 ms is above 2 ms.");
        ChangeOutcome change = new ChangeOutcome("policy",
                "redis-config", "cache", ChangeStatus.APPLIED, Map.of("timeout", "0"),
                Map.of("timeout", "300"), Map.of("timeout", "300"), true, "read back timeout=300");
        RunResult result = new RunResult(1, "r1", "c", "c.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17", "test", "Linux"),
                start, start.plusSeconds(1), List.of(), List.of())
                .withTuning(List.of(change), List.of())
                .withScore(new ScoreResult(0, Verdict.FAIL, 90, 75,
                        "failed", List.of(objective)));

        BuildDetails details = BuildDetails.of(result);

        assertThat(details.getObjectives()).singleElement().satisfies(o -> {
            assertThat(o.getStatus()).isEqualTo("FAIL");
            assertThat(o.getExplanation()).isEqualTo("3.5 ms is above 2 ms.");
        });
        assertThat(details.getChanges()).singleElement()
                .satisfies(c -> assertThat(c.getEvidence()).isEqualTo("timeout: 0 -> 300"));
    }

    @Test
    void tuningWithoutAnEarlierSummaryIsUnscoredAndListsItsChanges() {
        ClusterBenchAction tuned = ClusterBenchAction.ofTuning(ID, "tuning/result.json", List.of(TIMEOUT_CHANGE), null);

        assertThat(tuned.getVerdict()).isEqualTo(BenchmarkOutcome.UNSCORED);
        assertThat(tuned.getScore()).isNull();
        assertThat(tuned.getChanges()).containsExactly(TIMEOUT_CHANGE);
        assertThat(tuned.getArtifactPaths()).contains("tuning/evidence.jsonl");
    }

    @Test
    void tuningAfterABenchmarkKeepsItsScoreAndAddsTheChanges() {
        ClusterBenchAction before = action("before/result.json", details(List.of()));

        ClusterBenchAction tuned =
                ClusterBenchAction.ofTuning(ID, "tuning/result.json", List.of(TIMEOUT_CHANGE), before);

        assertThat(tuned.getScore()).isEqualTo(72.34);
        assertThat(tuned.getObjectives()).isEqualTo(before.getObjectives());
        assertThat(tuned.getChanges()).containsExactly(TIMEOUT_CHANGE);
        assertThat(tuned.getArtifactPaths()).contains("before/result.json", "tuning/evidence.jsonl");
    }

    @Test
    void aBenchmarkAfterTuningKeepsTheChangesAndTheLinkToTheirEvidence() {
        ClusterBenchAction tuned = ClusterBenchAction.ofTuning(ID, "tuning/result.json", List.of(TIMEOUT_CHANGE), null);
        ClusterBenchAction after = action("after/result.json", details(List.of()));

        ClusterBenchAction kept = after.keepingTuningOf(tuned);

        assertThat(kept.getScore()).isEqualTo(72.34);
        assertThat(kept.getResultPath()).isEqualTo("after/result.json");
        assertThat(kept.getChanges()).containsExactly(TIMEOUT_CHANGE);
        assertThat(kept.getArtifactPaths()).contains("after/junit.xml", "tuning/evidence.jsonl");
    }

    @Test
    void aRunWithItsOwnChangesOrAnEarlierSummaryWithoutChangesKeepsOnlyItsOwn() {
        ChangeLine own = new ChangeLine("hz", "cache", "APPLIED", true, "hz: 10 -> 20", null);
        ClusterBenchAction tuned = ClusterBenchAction.ofTuning(ID, "tuning/result.json", List.of(TIMEOUT_CHANGE), null);
        ClusterBenchAction withOwn = action("after/result.json", details(List.of(own)));
        ClusterBenchAction plain = action("after/result.json", details(List.of()));

        assertThat(withOwn.keepingTuningOf(tuned).getChanges()).containsExactly(own);
        assertThat(plain.keepingTuningOf(action("before/result.json", null))).isSameAs(plain);
        assertThat(plain.keepingTuningOf(null)).isSameAs(plain);
    }

    @Test
    void recordsTheSpecsTrendMetricsOfItsOutcome() {
        BenchmarkOutcome outcome = new BenchmarkOutcome("r1", 91.0, "PASS", "out/result.json", List.of(),
                Map.of("cache.used_memory", 1.5e6), null, List.of("cache.used_memory", "cache.p99_ms"));

        ClusterBenchAction action = ClusterBenchAction.of(outcome, ID);

        assertThat(action.getTrendMetrics()).containsExactly("cache.used_memory", "cache.p99_ms");
        assertThat(action.getMetrics()).containsEntry("cache.used_memory", 1.5e6);
    }

    @Test
    void aBuildSavedBeforeTrendMetricsExistedNamesNone() throws Exception {
        ClusterBenchAction action = action("result.json", null);
        // XStream leaves a field that build.xml lacks at null; set it so, as an old build loads.
        Field field = ClusterBenchAction.class.getDeclaredField("trendMetrics");
        field.setAccessible(true);
        field.set(action, null);

        assertThat(action.getTrendMetrics()).isEmpty();
    }

    @Test
    void tuningAndALaterBenchmarkKeepTheTrendMetricsOfTheSummaryTheyExtend() {
        ClusterBenchAction before = ClusterBenchAction.of(new BenchmarkOutcome("r1", 91.0, "PASS",
                "before/result.json", List.of(), Map.of(), null, List.of("cache.used_memory")), ID);
        ClusterBenchAction after = ClusterBenchAction.of(new BenchmarkOutcome("r2", 92.0, "PASS",
                "after/result.json", List.of(), Map.of(), null, List.of("cache.ops_per_s")), ID);

        ClusterBenchAction tuned =
                ClusterBenchAction.ofTuning(ID, "tuning/result.json", List.of(TIMEOUT_CHANGE), before);

        assertThat(tuned.getTrendMetrics()).containsExactly("cache.used_memory");
        assertThat(after.keepingTuningOf(tuned).getTrendMetrics()).containsExactly("cache.ops_per_s");
        assertThat(ClusterBenchAction.ofTuning(ID, "t/result.json", List.of(TIMEOUT_CHANGE), null).getTrendMetrics())
                .isEmpty();
    }

    @Test
    void aVerifiedTuningShowsItsEffectRowsAndVerdictCountsAndALaterBenchmarkKeepsThem() {
        EffectLine worse = new EffectLine("cache.p99_ms", "0.405 ms (0.398-0.431, 5 rounds)",
                "0.451 ms (0.439-0.468, 5 rounds)", "+0.043 ms [+0.02, +0.063] ms", "worse");
        EffectLine same = new EffectLine("cache.p50_ms", "0.2 ms", "0.2 ms", "+0 ms [-0.01, +0.01] ms",
                "no detectable change");
        EffectLine same2 = new EffectLine("cache.ops_per_s", "9000", "9010", "+10", "no detectable change");
        BuildDetails verified = new BuildDetails(List.of(), List.of(TIMEOUT_CHANGE), List.of(worse, same, same2),
                "Design: alternating (ABBAABBAAB), 5 rounds per condition: every change rolled back");

        ClusterBenchAction tuned = ClusterBenchAction.ofTuning(ID, "v/tuning/result.json", "v/result.json", verified,
                null);
        ClusterBenchAction kept = action("after/result.json", details(List.of())).keepingTuningOf(tuned);

        assertThat(tuned.getEffects()).containsExactly(worse, same, same2);
        assertThat(tuned.getEffectCounts()).isEqualTo("1 worse, 2 no detectable change");
        assertThat(tuned.getEffectHeader()).containsExactly("Metric", "Before (median, range)",
                "After (median, range)", "Change [95% CI]", "Verdict");
        assertThat(tuned.getArtifactPaths()).contains("v/tuning/evidence.jsonl", "v/audit-report.html");
        assertThat(kept.getEffects()).containsExactly(worse, same, same2);
        assertThat(kept.getEffectDesign()).startsWith("Design: alternating");
        assertThat(kept.getArtifactPaths()).contains("after/junit.xml", "v/tuning/evidence.jsonl",
                "v/audit-report.html");
    }

    @Test
    void aBuildSavedBeforeEffectsExistedOrATuningNotVerifiedShowsNone() throws Exception {
        ClusterBenchAction plain = ClusterBenchAction.ofTuning(ID, "t/result.json", List.of(TIMEOUT_CHANGE), null);
        BuildDetails old = details(List.of(TIMEOUT_CHANGE));
        Field field = BuildDetails.class.getDeclaredField("effects");
        field.setAccessible(true);
        field.set(old, null);

        assertThat(plain.getEffects()).isEmpty();
        assertThat(plain.getEffectCounts()).isEmpty();
        assertThat(plain.getEffectDesign()).isNull();
        assertThat(action("result.json", old).getEffects()).isEmpty();
        assertThat(action("result.json", null).getEffects()).isEmpty();
    }

    private static final ChangeLine TIMEOUT_CHANGE =
            new ChangeLine("policy", "cache", "APPLIED", true, "timeout: 0 -> 300", null);

    private static BuildDetails details(List<ChangeLine> changes) {
        return new BuildDetails(
                List.of(new ObjectiveLine("cache.p99_ms", "FAIL", 3.5, "ms", "<= 2", "3.5 ms is above 2 ms.")),
                changes);
    }

    private static ClusterBenchAction action(String resultPath, BuildDetails details) {
        return new ClusterBenchAction(ID, 72.34, "FAIL", resultPath, List.of("cache.p99_ms"),
                Map.of("cache.p99_ms", 3.5), details);
    }
}
