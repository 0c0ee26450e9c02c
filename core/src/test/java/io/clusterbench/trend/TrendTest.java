package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import io.clusterbench.result.RunSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendTest {

    @Test
    void ordersFiftyRunsByStartTimeWithTheirScoresVerdictsAndMetrics(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 50, List.of());

        TrendData trend = Trend.build(history);

        assertThat(trend.runs()).extracting(RunSummary::runId)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(TrendHistories::runId).toList());
        assertThat(trend.scores())
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(TrendHistories::score).toList());
        assertThat(trend.runs()).extracting(RunSummary::verdict)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(TrendHistories::verdict).toList());
        assertThat(trend.metrics()).containsExactly(TrendHistories.P99);
        assertThat(trend.unit(TrendHistories.P99)).isEqualTo("ms");
        assertThat(trend.values(TrendHistories.P99))
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(TrendHistories::p99).toList());
        assertThat(trend.skipped()).isEmpty();
    }

    @Test
    void keepsRunsWithoutAScoreAsGapsButWithTheirMetrics(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 14, List.of());

        TrendData trend = Trend.build(history);

        RunSummary unscored = trend.runs().get(6);
        assertThat(unscored.score()).isNull();
        assertThat(unscored.verdict()).isNull();
        assertThat(unscored.passThreshold()).isNull();
        assertThat(unscored.metrics()).containsEntry(TrendHistories.OPS, 40_006.0);
        assertThat(trend.scores()).filteredOn(score -> score == null).hasSize(2);
    }

    @Test
    void createsSummariesOnTheFirstBuildAndReadsOnlyThemOnTheSecond(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 50, List.of());

        TrendData first = Trend.build(history);
        List<Path> results = files(history, ResultFiles.RESULT_JSON);
        assertThat(files(history, SummaryFiles.SUMMARY_JSON)).hasSize(50);
        for (Path result : results) {
            Files.delete(result);
        }
        TrendData second = Trend.build(history);

        assertThat(first.summariesCreated()).isEqualTo(50);
        assertThat(first.summariesReused()).isZero();
        assertThat(second.summariesCreated()).isZero();
        assertThat(second.summariesReused()).isEqualTo(50);
        assertThat(second.runs()).isEqualTo(first.runs());
        assertThat(second.metrics()).isEqualTo(first.metrics());
    }

    @Test
    void neverParsesAResultWhoseSummaryIsCurrent(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 5, List.of());
        Trend.build(history);
        Path result = files(history, ResultFiles.RESULT_JSON).get(0);
        var modified = Files.getLastModifiedTime(result);
        long size = Files.size(result);
        // Same size and time, garbage inside: only a reader that parses result.json would notice.
        Files.writeString(result, "x".repeat((int) size));
        Files.setLastModifiedTime(result, modified);

        TrendData second = Trend.build(history);

        assertThat(second.summariesReused()).isEqualTo(5);
        assertThat(second.runs()).hasSize(5);
        assertThat(second.skipped()).isEmpty();
    }

    @Test
    void summarisesAgainAResultRewrittenAfterItsSummary(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 7, List.of());
        Trend.build(history);
        Path folder = files(history, ResultFiles.RESULT_JSON).stream()
                .filter(path -> path.getParent().getFileName().toString().endsWith("-6")).findFirst().orElseThrow()
                .getParent();
        RunResult rescored = ResultFiles.read(folder.resolve(ResultFiles.RESULT_JSON))
                .withScore(new ScoreResult(12.5, Verdict.FAIL, 90, 75, "scored later", List.of()));
        ResultFiles.write(rescored, folder.resolve(ResultFiles.RESULT_JSON));

        TrendData second = Trend.build(history);

        assertThat(second.summariesCreated()).isEqualTo(1);
        assertThat(second.runs().get(6).score()).isEqualTo(12.5);
        assertThat(second.runs().get(6).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void includesARunAddedAfterTheFirstBuild(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 10, List.of());
        Trend.build(history);
        TrendHistories.write(history, 10, 11, List.of());

        TrendData second = Trend.build(history);

        assertThat(second.runs()).hasSize(11);
        assertThat(second.runs().get(10).runId()).isEqualTo(TrendHistories.runId(10));
        assertThat(second.summariesCreated()).isEqualTo(1);
        assertThat(second.summariesReused()).isEqualTo(10);
    }

    @Test
    void looksUpASelectedMetricOnceAndThenReadsItFromTheSummaries(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 8, List.of());
        Trend.build(history);

        TrendData selected = Trend.build(history, List.of(TrendHistories.USED_MEMORY, "cache.never_measured"));
        TrendData again = Trend.build(history, List.of(TrendHistories.USED_MEMORY, "cache.never_measured"));

        assertThat(selected.summariesCreated()).isEqualTo(8);
        assertThat(again.summariesReused()).isEqualTo(8);
        assertThat(again.metrics())
                .containsExactly(TrendHistories.USED_MEMORY, "cache.never_measured"); // exactly the chosen ones
        assertThat(again.values(TrendHistories.USED_MEMORY)).containsExactly(
                1_000_000.0, 1_000_001.0, 1_000_002.0, 1_000_003.0, 1_000_004.0, 1_000_005.0, 1_000_006.0,
                1_000_007.0);
        assertThat(again.values("cache.never_measured")).containsOnlyNulls();
        assertThat(again.unit(TrendHistories.USED_MEMORY)).isEqualTo("bytes");
    }

    @Test
    void keepsHeadlineMetricsInEverySummaryWithoutBeingAsked(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 1, List.of());

        RunSummary summary = Trend.build(history).runs().get(0);

        assertThat(summary.metrics()).containsOnlyKeys(TrendHistories.P99, TrendHistories.OPS,
                "lb.requests_per_s", "lb.p99_ms");
    }

    @Test
    void listsAnUnreadableResultAndKeepsTheOtherRuns(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 3, List.of());
        Path broken = history.resolve("broken").resolve(ResultFiles.RESULT_JSON);
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"schemaVersion\": 1, \"runId\": ");

        TrendData trend = Trend.build(history);

        assertThat(trend.runs()).hasSize(3);
        assertThat(trend.skipped()).singleElement().asString().startsWith(broken.toString())
                .contains("not a valid result.json");
    }

    @Test
    void buildsAnEmptyTrendFromAHistoryWithoutRuns(@TempDir Path history) throws Exception {
        Files.createDirectories(history.resolve("nothing-here"));

        TrendData trend = Trend.build(history);

        assertThat(trend.isEmpty()).isTrue();
        assertThat(trend.metrics()).isEmpty();
    }

    @Test
    void refusesAMissingHistoryFolderWithAdvice(@TempDir Path dir) {
        assertThatThrownBy(() -> Trend.build(dir.resolve("missing")))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("no such folder")
                .hasMessageContaining("result.json");
    }

    @Test
    void refusesAMetricNameWithoutItsProbe(@TempDir Path history) {
        assertThatThrownBy(() -> Trend.build(history, List.of("p99_ms")))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("--metric p99_ms")
                .hasMessageContaining("probe.metric");
    }

    private static List<Path> files(Path history, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(history)) {
            return walk.filter(path -> path.getFileName().toString().equals(name)).sorted().toList();
        }
    }
}
