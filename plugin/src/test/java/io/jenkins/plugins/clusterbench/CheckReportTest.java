package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.Verdict;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check a step publishes, read as a pull request shows it; nothing here touches checks-api or Jenkins, except the
 * stand-in enum {@link ChecksConclusion}, whose constants are plain and which the published check is converted to.
 */
class CheckReportTest {

    @Test
    void aFailedGateIsAFailureWithTheGateLineAndEveryFailedObjectiveExplained() {
        BuildDetails details = new BuildDetails(List.of(
                new ObjectiveLine("cache.p99_ms", "FAIL", 3.5, "ms", "<= 2", "3.5 ms is above 2 ms."),
                new ObjectiveLine("lb.errors", "PASS", 0.0, "", "<= 0", "no errors.")), List.of());
        ClusterBenchAction result = new ClusterBenchAction("after", 61.04, "FAIL", "after/result.json",
                List.of("cache.p99_ms"), Map.of("cache.p99_ms", 3.5), details);
        GateOutcome gate = new GateOutcome(GateStatus.FAIL, Verdict.FAIL, 61.04, GateOutcome.EXIT_FAIL,
                "score 61.0 is below the minimum 85", GatePolicy.DEFAULT);

        CheckReport check = CheckReport.of(result, gate);

        assertThat(check.name()).isEqualTo("Cluster Bench: after");
        assertThat(check.conclusion()).isEqualTo(CheckReport.Conclusion.FAILURE);
        assertThat(check.title()).isEqualTo("FAIL, score 61.0 / 100");
        assertThat(check.summary()).startsWith("Gate: FAIL (exit 99): score 61.0 is below the minimum 85")
                .contains("### Failed objectives\n- **cache.p99_ms**: 3.5 ms is above 2 ms.")
                .doesNotContain("lb.errors");
        assertThat(check.text()).isEmpty();
    }

    @Test
    void anUnstableGateIsNeutralAndAPassedOneASuccessWhateverTheVerdict() {
        ClusterBenchAction warning = new ClusterBenchAction("clusterbench", 80.0, "WARNING", "clusterbench/result.json",
                List.of(), Map.of(), BuildDetails.none());

        assertThat(CheckReport.of(warning, gate(GateStatus.UNSTABLE)).conclusion())
                .isEqualTo(CheckReport.Conclusion.NEUTRAL);
        assertThat(CheckReport.of(warning, gate(GateStatus.PASS)).conclusion())
                .isEqualTo(CheckReport.Conclusion.SUCCESS);
        assertThat(CheckReport.of(warning, null).conclusion()).as("no gate: the verdict decides")
                .isEqualTo(CheckReport.Conclusion.NEUTRAL);
        assertThat(CheckReport.of(warning, null).name()).as("the default id's result").isEqualTo("Cluster Bench");
    }

    @Test
    void aVerifiedTuningShowsTheEffectTableAsMarkdownAndTheChanges() {
        BuildDetails details = new BuildDetails(List.of(),
                List.of(new ChangeLine("policy", "cache", "APPLIED", true, "maxmemory-policy: a -> b", null)),
                List.of(new EffectLine("cache.get.p99_ms", "0.31 ms (0.30-0.35, 5 rounds)",
                        "0.29 ms (0.28-0.30, 5 rounds)", "-0.02 ms [-0.03, -0.01] ms", "improved"),
                        new EffectLine("odd|name", "-", "-", "-", "inconclusive")),
                "alternating ABBAABBAAB, 5 rounds per condition");
        ClusterBenchAction tuned = ClusterBenchAction.ofTuning("tuning", "clusterbench-tuning/result.json", null,
                details, null);

        CheckReport check = CheckReport.of(tuned, null);

        assertThat(check.title()).isEqualTo("UNSCORED");
        assertThat(check.conclusion()).isEqualTo(CheckReport.Conclusion.NEUTRAL);
        assertThat(check.text().lines().toList()).contains(
                "### Effect of the tuning",
                "1 improved, 1 inconclusive",
                "| Metric | Before (median, range) | After (median, range) | Change [95% CI] | Verdict |",
                "| --- | --- | --- | --- | --- |",
                "| cache.get.p99_ms | 0.31 ms (0.30-0.35, 5 rounds) | 0.29 ms (0.28-0.30, 5 rounds) "
                        + "| -0.02 ms [-0.03, -0.01] ms | improved |",
                "| odd\\|name | - | - | - | inconclusive |",
                "alternating ABBAABBAAB, 5 rounds per condition",
                "### Changes",
                "- policy cache: APPLIED");
    }

    @Test
    void withoutDetailsTheSummaryStillNamesTheFailedObjectivesItKept() {
        ClusterBenchAction legacy = new ClusterBenchAction("clusterbench", 40.0, "FAIL", "result.json",
                List.of("a.p99_ms", "b.p99_ms"), Map.of(), BuildDetails.none());

        assertThat(CheckReport.of(legacy, null).summary()).isEqualTo("### Failed objectives\n- **a.p99_ms**\n- **b.p99_ms**");
        assertThat(CheckReport.of(legacy, null).conclusion()).isEqualTo(CheckReport.Conclusion.FAILURE);
    }

    @Test
    void everyConclusionIsAConstantOfChecksApisConclusion() {
        for (CheckReport.Conclusion conclusion : CheckReport.Conclusion.values()) {
            assertThat(ChecksConclusion.valueOf(conclusion.name()).name()).isEqualTo(conclusion.name());
        }
        assertThat(Arrays.stream(ChecksConclusion.values()).map(Enum::name))
                .contains("SUCCESS", "NEUTRAL", "FAILURE");
    }

    private static GateOutcome gate(GateStatus status) {
        return new GateOutcome(status, Verdict.WARNING, 80.0, 0, "warning", GatePolicy.DEFAULT);
    }
}
