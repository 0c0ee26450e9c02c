package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several results in one build, one per step id, without a running Jenkins: each keeps its own summary, URL and trend
 * series, and the job gets a trend only through a build's result. Nothing here calls a Jenkins stand-in (whose
 * bodies throw), which also shows that these paths walk no build.
 */
class ResultsPerIdTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoIdsInOneBuildKeepTheirOwnSummaryUrlAndName() {
        ClusterBenchAction before = result("before", 71.0, "FAIL", "clusterbench-before/result.json");
        ClusterBenchAction after = result("after", 96.0, "PASS", "after/result.json");

        assertThat(List.of(before, after)).extracting(ClusterBenchAction::getUrlName)
                .containsExactly("clusterbench-before", "clusterbench-after");
        assertThat(List.of(before, after)).extracting(ClusterBenchAction::getDisplayName)
                .containsExactly("Cluster Bench: before", "Cluster Bench: after");
        assertThat(before.getScore()).isEqualTo(71.0);
        assertThat(after.getScore()).isEqualTo(96.0);
        assertThat(before.getArtifactPaths()).allMatch(path -> path.startsWith("clusterbench-before/"));
        assertThat(after.getArtifactPaths()).allMatch(path -> path.startsWith("after/"));
    }

    @Test
    void theDefaultIdKeepsTheUrlBuildsHadBeforeIds() throws Exception {
        ClusterBenchAction legacy = result("clusterbench", 90.0, "PASS", "clusterbench/result.json");
        Field id = ClusterBenchAction.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(legacy, null); // as XStream loads a build.xml saved before ids

        assertThat(legacy.getId()).isEqualTo("clusterbench");
        assertThat(legacy.getUrlName()).isEqualTo("clusterbench");
        assertThat(legacy.getDisplayName()).isEqualTo("Cluster Bench");
    }

    @Test
    void eachIdsTrendDrawsOnlyItsOwnResults() throws Exception {
        List<TrendSeries.BuildResults> builds = List.of(
                new TrendSeries.BuildResults(3, "#3", List.of(result("after", 96.0, "PASS", "a/result.json"),
                        result("before", 71.0, "FAIL", "b/result.json"))),
                new TrendSeries.BuildResults(2, "#2", List.of(result("before", 60.0, "FAIL", "b/result.json"))),
                new TrendSeries.BuildResults(1, "#1", List.of()));

        JsonNode before = JSON.readTree(TrendSeries.chartFor("before", builds));
        JsonNode after = JSON.readTree(TrendSeries.chartFor("after", builds));

        assertThat(before.get("buildNumbers").toString()).isEqualTo("[2,3]");
        assertThat(before.get("series").get(0).get("data").findValuesAsText("value")).containsExactly("60.0", "71.0");
        assertThat(after.get("buildNumbers").toString()).isEqualTo("[3]");
        assertThat(after.get("series").get(0).get("data").findValuesAsText("value")).containsExactly("96.0");
        assertThat(JSON.readTree(TrendSeries.chartFor("never", builds)).get("buildNumbers")).isEmpty();
    }

    @Test
    void aResultGivesItsJobOneTrendOfItsOwnIdWhichNeedsNoBuildToShow() {
        ClusterBenchAction before = result("before", 71.0, "FAIL", "clusterbench-before/result.json");

        assertThat(before.getProjectActions()).singleElement().isInstanceOfSatisfying(ClusterBenchJobAction.class,
                trend -> {
                    assertThat(trend.getId()).isEqualTo("before");
                    assertThat(trend.getUrlName()).isEqualTo(before.getUrlName());
                    assertThat(trend.getDisplayName()).isEqualTo("Cluster Bench: before trend");
                    assertThat(trend.getIconFileName()).isNotNull();
                    // A stand-in throws when called: the chart's visibility walks no build.
                    assertThat(trend.isTrendVisible()).isTrue();
                });
    }

    @Test
    void noJobGetsATrendExceptThroughABuildsResult() throws Exception {
        List<Path> sources = SourceTree.filesEndingIn(Path.of("src", "main", "java"), ".java");
        assertThat(sources).hasSizeGreaterThan(20);

        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("TransientActionFactory");
        }
    }

    @Test
    void stepsNameTheirResultAfterTheirFolderUnlessGivenAnId() {
        BenchmarkClusterStep benchmark = new BenchmarkClusterStep("cluster.yaml");
        BenchmarkClusterStep before = new BenchmarkClusterStep("cluster.yaml");
        before.setOut("clusterbench-before");
        ApplyTuningStep tuning = new ApplyTuningStep("cluster.yaml");
        ApplyTuningStep recovery = new ApplyTuningStep("cluster.yaml");
        recovery.setRollbackFrom("clusterbench-tuning/evidence.jsonl");
        AssertScoreStep gate = new AssertScoreStep("cluster.yaml");
        AssertScoreStep gateOfBefore = new AssertScoreStep("cluster.yaml");
        gateOfBefore.setOut("clusterbench-before");
        AssertScoreStep gateAtTop = new AssertScoreStep("specs/llm.yaml");
        gateAtTop.setResult("result.json");
        AssertScoreStep named = new AssertScoreStep("cluster.yaml");
        named.setId(" nightly_2 ");

        assertThat(List.of(benchmark, before, tuning, recovery, gate, gateOfBefore, gateAtTop, named))
                .extracting(ClusterBenchStep::effectiveId)
                .containsExactly("clusterbench", "before", "tuning", "rollback", "clusterbench", "before", "llm",
                        "nightly_2");
        assertThat(named.getId()).isEqualTo("nightly_2");
        assertThat(benchmark.getId()).as("a derived id is not configuration").isNull();
    }

    @Test
    void aBadIdIsRefusedWithWhatToWriteInstead() {
        BenchmarkClusterStep step = new BenchmarkClusterStep("cluster.yaml");
        step.setId("before/after");

        assertThat(step.idProblem()).get().asString().startsWith("Cluster Bench id: 'before/after' is not a result id")
                .contains("letters, digits, - and _");
        step.setId("before-after");
        assertThat(step.idProblem()).isEmpty();
    }

    private static ClusterBenchAction result(String id, double score, String verdict, String resultPath) {
        BenchmarkOutcome outcome = new BenchmarkOutcome("r-" + id, score, verdict, resultPath, List.of(),
                Map.of("cache.p99_ms", score / 10), null);
        String folder = resultPath.substring(0, resultPath.lastIndexOf('/') + 1);
        return ClusterBenchAction.of(outcome, id).withArtifacts(List.of(resultPath, folder + "junit.xml"), null);
    }
}
