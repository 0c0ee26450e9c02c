package io.clusterbench.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.TrendData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trend charts at most its number of runs and reads at most its bytes of result.json per command. */
class TrendBudgetTest {

    @Test
    void chartsTheNewestRunsUpToTheLimitAndSaysHowManyItLeftOut(@TempDir Path history) throws Exception {
        TrendHistories.write(history, 0, 12, List.of());
        byFileTimeInRunOrder(history);

        TrendData trend = Trend.build(history, List.of(), 10, Trend.MAX_RESULT_BYTES);

        assertThat(trend.runs()).hasSize(10);
        assertThat(trend.runs().get(0).runId()).isEqualTo(TrendHistories.runId(2));
        assertThat(trend.skipped()).containsExactly(history + ": charted the newest 10 of 12 run folders (by file"
                + " time): a trend charts at most 10 runs; move older runs out of the folder to silence this");
    }

    @Test
    void summarisesNoMoreResultBytesThanItsBudgetAndChartsTheRestOnTheNextBuilds(@TempDir Path history)
            throws Exception {
        TrendHistories.write(history, 0, 9, List.of());
        long size;
        try (Stream<Path> files = Files.walk(history)) {
            size = files.filter(f -> f.endsWith(ResultFiles.RESULT_JSON)).mapToLong(f -> f.toFile().length()).max()
                    .orElseThrow();
        }

        TrendData first = Trend.build(history, List.of(), 100, 4 * size);
        TrendData second = Trend.build(history, List.of(), 100, 4 * size);
        TrendData third = Trend.build(history, List.of(), 100, 4 * size);

        assertThat(first.summariesCreated()).isEqualTo(4);
        assertThat(first.runs()).hasSize(4);
        assertThat(first.skipped()).singleElement().asString().endsWith(": 5 runs not charted yet: a trend reads at"
                + " most 1 MiB of result.json per command to make the summaries it lacks, and the summaries made"
                + " stay; run the trend again to chart them");
        assertThat(second.runs()).hasSize(8);
        assertThat(third.runs()).hasSize(9);
        assertThat(third.skipped()).isEmpty();
    }

    @Test
    void statesTheDefaultBudget() {
        assertThat(Trend.MAX_RUNS).isEqualTo(20_000);
        assertThat(Trend.MAX_RESULT_BYTES).isEqualTo(1L << 30);
    }

    private static void byFileTimeInRunOrder(Path history) throws Exception {
        for (int i = 0; i < 12; i++) {
            String runId = TrendHistories.runId(i);
            try (Stream<Path> files = Files.walk(history)) {
                for (Path file : files.filter(f -> f.endsWith(ResultFiles.RESULT_JSON)).toList()) {
                    if (Files.readString(file).contains("\"" + runId + "\"")) {
                        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")
                                .plusSeconds(60L * i)));
                    }
                }
            }
        }
    }
}
