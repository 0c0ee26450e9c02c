package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalPushgateway;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterbench export} and {@code --push} of {@code benchmark} and {@code run}, against a real Redis, a real Pushgateway and
 * the real Prometheus that scrapes it; and every way the command refuses, each with its exit code and no stack trace.
 */
@ExtendWith(RealServers.class)
class ExportCommandTest {
    private static final Duration SCRAPED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path runDir;

    /** One benchmark of a real Redis, scored, pushed with --push; the export tests read its result.json. */
    private static CliRun benchmark;

    @BeforeAll
    static void benchmarkAndPush(LocalRedis redis, LocalPrometheus prometheus, LocalPushgateway pushgateway)
            throws Exception {
        prometheus.scrape(pushgateway);
        prometheus.awaitTarget(LocalPrometheus.PUSHGATEWAY_JOB, SCRAPED_WITHIN);
        Path spec = Files.writeString(runDir.resolve("cluster.yaml"), """
                cluster: export-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 500 }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 10000" }
                """.formatted(redis.port()));
        benchmark = CliRun.of("benchmark", spec.toString(), "--out", runDir.resolve("out").toString(),
                "--push", pushgateway.url());
    }

    @Test
    void benchmarkPushesItsScoreAndMetricsWhichPrometheusScrapesFromThePushgateway(LocalPrometheus prometheus,
            LocalPushgateway pushgateway) throws Exception {
        RunResult result = ResultFiles.read(runDir.resolve("out").resolve(ResultFiles.RESULT_JSON));
        String run = "cluster=\"export-test\",run_id=\"" + result.runId() + "\"";

        assertThat(benchmark.exitCode()).as(benchmark.out() + benchmark.err()).isEqualTo(ExitCodes.OK);
        assertThat(benchmark.out()).containsPattern("Pushed \\d+ series to " + pushgateway.url()
                + "/metrics/job/clusterbench/cluster/export-test");
        assertThat(value(prometheus, "clusterbench_score{" + run + "}")).isEqualTo(result.score().score());
        assertThat(value(prometheus, "clusterbench_verdict{" + run + ",verdict=\"pass\"}")).isEqualTo(1);
        assertThat(value(prometheus, "clusterbench_objective_state{" + run
                + ",probe=\"cache\",metric=\"p99_ms\",state=\"pass\"}")).isEqualTo(1);
        double opsPerSecond = result.probes().get(0).metrics().stream().filter(m -> m.name().equals("ops_per_s"))
                .findFirst().orElseThrow().value();
        assertThat(value(prometheus, "clusterbench_metric{" + run + ",probe=\"cache\",metric=\"ops_per_s\"}"))
                .isEqualTo(opsPerSecond);
    }

    @Test
    void runPushesItsGateAndTheTuningsEffectWhichPrometheusScrapesFromThePushgateway(LocalRedis redis,
            LocalPrometheus prometheus, LocalPushgateway pushgateway, @TempDir Path dir) throws Exception {
        // A cluster of its own: the Pushgateway keeps one group per cluster, so the benchmark's stays as it was.
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: export-run-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 500 }
                tuning:
                  - { redis-config: redis, set: { slowlog-max-len: 256 } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 10000", key: true }
                settings: { extraRounds: 0 }
                """.formatted(redis.port()));

        CliRun run = CliRun.of("run", spec.toString(), "--out", dir.resolve("out").toString(), "--push",
                pushgateway.url());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("Pushed \\d+ series to " + pushgateway.url()
                + "/metrics/job/clusterbench/cluster/export-run-test");
        RunResult result = ResultFiles.read(dir.resolve("out").resolve(ResultFiles.RESULT_JSON));
        String labels = "cluster=\"export-run-test\",run_id=\"" + result.runId() + "\"";
        assertThat(value(prometheus, "clusterbench_score{" + labels + "}")).isEqualTo(result.score().score());
        assertThat(value(prometheus, "clusterbench_gate_status{" + labels + ",status=\"pass\"}")).isEqualTo(1);
        MetricEffect effect = result.comparison().metrics().stream().filter(m -> m.metric().equals("cache.p99_ms"))
                .findFirst().orElseThrow();
        String verdict = effect.verdict().name().toLowerCase(Locale.ROOT);
        assertThat(value(prometheus, "clusterbench_effect_verdict{" + labels
                + ",probe=\"cache\",metric=\"p99_ms\",verdict=\"" + verdict + "\"}")).isEqualTo(1);
        if (effect.changePct() != null) {
            assertThat(value(prometheus, "clusterbench_effect_change_pct{" + labels
                    + ",probe=\"cache\",metric=\"p99_ms\"}")).isEqualTo(effect.changePct());
        }
    }

    @Test
    void exportWritesOpenMetricsOfARunFolderToStandardOutput() {
        CliRun export = CliRun.of("export", runDir.resolve("out").toString());

        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(export.out()).contains("# TYPE clusterbench_score gauge")
                .containsPattern("clusterbench_metric\\{cluster=\"export-test\",metric=\"p99_ms\",probe=\"cache\"")
                .endsWith("# EOF\n");
    }

    @Test
    void exportWritesThePrometheusTextFormatIntoAFile() throws Exception {
        Path file = runDir.resolve("metrics.prom");

        CliRun export = CliRun.of("export", runDir.resolve("out/result.json").toString(), "--format", "prometheus",
                "--out", file.toString());

        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(export.out()).isEqualTo("Wrote " + file + "\n");
        assertThat(Files.readString(file)).contains("# TYPE clusterbench_score gauge").doesNotContain("# EOF");
    }

    @Test
    void aMissingResultIsAnInputErrorThatSaysWhatToGive() {
        CliRun export = CliRun.of("export", runDir.resolve("no-such-run").toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(export.err()).contains("no-such-run: no such file; give a result.json, or the run folder")
                .doesNotContain("\tat ");
    }

    @Test
    void aFileThatIsNoResultIsAnInputError() throws Exception {
        Path notAResult = Files.writeString(runDir.resolve("other.json"), "{\"hello\": 1}");

        CliRun export = CliRun.of("export", notAResult.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(export.err()).contains("not a Cluster Bench result").doesNotContain("\tat ");
    }

    @Test
    void anUnknownFormatOrAPushThatIsNoUrlIsAUsageError() {
        CliRun format = CliRun.of("export", runDir.resolve("out").toString(), "--format", "xml");
        CliRun push = CliRun.of("export", runDir.resolve("out").toString(), "--push", "gateway:9091");

        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("--format must be one of openmetrics, prometheus, got 'xml'");
        assertThat(push.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(push.err()).contains("--push must be an http:// or https:// URL");
    }

    @Test
    void benchmarkAndRunRefuseAPushThatIsNoUrlBeforeTheyMeasureAnything(@TempDir Path dir) {
        for (String command : new String[] {"benchmark", "run"}) {
            Path out = dir.resolve(command);

            CliRun run = CliRun.of(command, runDir.resolve("cluster.yaml").toString(), "--out", out.toString(),
                    "--push", "ftp://ci:hunter2-pw@gateway");

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).contains("--push must be an http:// or https:// URL")
                    .doesNotContain("hunter2");
            assertThat(out).as(command).doesNotExist();
        }
    }

    @Test
    void anUnreachablePushgatewayIsAConnectionErrorThatNeverShowsThePassword() throws Exception {
        String url = "http://ci:hunter2-pw@127.0.0.1:" + closedPort();

        CliRun export = CliRun.of("export", runDir.resolve("out").toString(), "--push", url);

        assertThat(export.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(export.err()).contains("cannot push to the Pushgateway at http://***@127.0.0.1:")
                .contains("check the URL and that the Pushgateway runs");
        assertThat(export.out() + export.err()).doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void aPushgatewayThatRefusesThePushIsARemoteErrorWithItsAnswer(LocalPushgateway pushgateway) {
        CliRun export = CliRun.of("export", runDir.resolve("out").toString(), "--push",
                pushgateway.url() + "/no-such-prefix");

        assertThat(export.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(export.err()).contains("refused the push with HTTP 404").contains("check the URL's path")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnwritableOutIsAnEnvironmentError() {
        CliRun export = CliRun.of("export", runDir.resolve("out").toString(), "--out", runDir.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(export.err()).contains("cannot write " + runDir).doesNotContain("\tat ");
    }

    private static double value(LocalPrometheus prometheus, String promql) throws LocalServerException {
        return prometheus.awaitSeries(promql, SCRAPED_WITHIN).get(0).value();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
