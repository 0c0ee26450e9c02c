package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final String SPEC_HEAD = """
            cluster: c
            services: { cache: { type: redis, address: 127.0.0.1 } }
            probes: { cache: { service: cache } }
            """;

    @Test
    void chartsTheSpecsTrendMetricsWhenNoMetricIsGiven(@TempDir Path dir) throws Exception {
        Path history = historyOfTwoRuns(dir);
        Path spec = spec(dir, "trend: { metrics: [cache.used_memory, cache.p99_ms] }\n");
        Path out = dir.resolve("trend");

        CliRun run = CliRun.of("trend", history.toString(), "--out", out.toString(), "--spec", spec.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Charting " + spec + "'s trend.metrics: cache.used_memory, cache.p99_ms");
        assertThat(chartedMetrics(out)).containsExactly("cache.used_memory", "cache.p99_ms");
        JsonNode newest = trendJson(out).get("runs").get(1).get("metrics");
        assertThat(newest.get("cache.used_memory").asDouble()).isEqualTo(2_000_000.0);
        // used_memory is no headline metric: only the selection put it into the stored summary.
        assertThat(Files.readString(history.resolve("run-1").resolve("run-summary.json")))
                .contains("\"selections\":[\"cache.p99_ms\",\"cache.used_memory\"]")
                .contains("\"cache.used_memory\":2000000.0");
    }

    @Test
    void metricOptionsWinOverTheSpecsTrendMetrics(@TempDir Path dir) throws Exception {
        Path history = historyOfTwoRuns(dir);
        Path spec = spec(dir, "trend: { metrics: [cache.used_memory] }\n");
        Path out = dir.resolve("trend");

        CliRun run = CliRun.of("trend", history.toString(), "--out", out.toString(), "--spec", spec.toString(),
                "--metric", "cache.p99_ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("trend.metrics are not used");
        assertThat(chartedMetrics(out)).containsExactly("cache.p99_ms");
    }

    @Test
    void aSpecWithoutTrendSectionChartsTheDefaultMetricsAndSaysSo(@TempDir Path dir) throws Exception {
        Path history = historyOfTwoRuns(dir);
        Path spec = spec(dir, "");
        Path out = dir.resolve("trend");

        CliRun run = CliRun.of("trend", history.toString(), "--out", out.toString(), "--spec", spec.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(spec + " has no trend: section");
        // Unscored runs have no objectives: core's default falls back to the newest run's headline metrics.
        assertThat(chartedMetrics(out)).containsExactly("cache.p99_ms");
    }

    @Test
    void refusesASpecWhoseTrendNamesNoProbeWithTheSpecExitCode(@TempDir Path dir) throws Exception {
        Path history = historyOfTwoRuns(dir);
        Path spec = spec(dir, "trend: { metrics: [cahce.p99_ms] }\n");
        Path out = dir.resolve("trend");

        CliRun run = CliRun.of("trend", history.toString(), "--out", out.toString(), "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(run.err()).contains(spec + ":4:20 trend.metrics[0]: no probe 'cahce' (did you mean 'cache'?)");
        assertThat(out).doesNotExist();
    }

    private static Path spec(Path dir, String trend) throws Exception {
        Path spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, SPEC_HEAD + trend);
        return spec;
    }

    /** Two unscored runs of probe cache: p99_ms (a headline metric) and used_memory (not one). */
    private static Path historyOfTwoRuns(Path dir) throws Exception {
        Path history = dir.resolve("history");
        for (int run = 0; run < 2; run++) {
            Instant start = Instant.parse("2026-11-29T10:00:00Z").plusSeconds(3600L * run);
            ProbeMeasurement probe = new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK,
                    start, start.plusSeconds(5), List.of(MetricValue.of("p99_ms", 1.0 + run, "ms"),
                            MetricValue.of("used_memory", 1_000_000.0 * (run + 1), "bytes")), List.of(), List.of());
            ResultFiles.write(new RunResult(RunResult.SCHEMA_VERSION, "run-" + run, "c", "cluster.yaml", null,
                    ToolInfo.current(), start, start.plusSeconds(6), List.of(), List.of(probe)),
                    history.resolve("run-" + run).resolve(ResultFiles.RESULT_JSON));
        }
        return history;
    }

    private static JsonNode trendJson(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("trend.json").toFile());
    }

    private static List<String> chartedMetrics(Path out) throws Exception {
        List<String> names = new ArrayList<>();
        trendJson(out).get("metrics").forEach(metric -> names.add(metric.get("name").asText()));
        return names;
    }
}
