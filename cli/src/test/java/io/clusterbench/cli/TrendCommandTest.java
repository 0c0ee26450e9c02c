package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCommandTest {

    @Test
    void drawsEveryStoredRunAndReusesSummariesTheSecondTime(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        for (int run = 0; run < 3; run++) {
            Instant start = Instant.parse("2026-11-29T10:00:00Z").plusSeconds(3600L * run);
            ProbeMeasurement probe = new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK,
                    start, start.plusSeconds(5), List.of(MetricValue.of("p99_ms", 1.0 + run, "ms")), List.of(),
                    List.of());
            ResultFiles.write(new RunResult(RunResult.SCHEMA_VERSION, "run-" + run, "c", "cluster.yaml", null,
                    ToolInfo.current(), start, start.plusSeconds(6), List.of(), List.of(probe)),
                    history.resolve("run-" + run).resolve(ResultFiles.RESULT_JSON));
        }
        Path out = dir.resolve("trend");

        CliRun first = CliRun.of("trend", history.toString(), "--out", out.toString(), "--metric", "cache.p99_ms");
        CliRun second = CliRun.of("trend", history.toString(), "--out", out.toString(), "--metric", "cache.p99_ms");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 runs").contains("0 summaries reused, 3 created");
        assertThat(second.out()).contains("3 summaries reused, 0 created");
        assertThat(Files.readString(out.resolve("trend.json"))).contains("run-0", "run-1", "run-2");
        assertThat(Files.readString(out.resolve("trend.html"))).doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void refusesAMissingHistoryFolderWithTheInputExitCode(@TempDir Path dir) {
        CliRun run = CliRun.of("trend", dir.resolve("nope").toString(), "--out", dir.resolve("t").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("nope").doesNotContain("\tat ");
    }
}
