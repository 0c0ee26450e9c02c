package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.Binaries;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.spec.SpecLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void startsRealServersWritesAValidSpecBenchmarksItAndStopsTheServers() throws Exception {
        // Shared with ReportsInBrowserTest, which renders this run's reports: one demo per test JVM.
        DemoOutput demo = DemoOutput.get();
        CliRun run = demo.run();
        Path dir = demo.dir();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        Path spec = dir.resolve(DemoCommand.SPEC_FILE);
        Path resultFile = dir.resolve("run").resolve(ResultFiles.RESULT_JSON);
        // sshd, node exporter and Prometheus are installed by scripts/test.sh, so the demo must use them all.
        assertThat(run.out())
                .contains("started redis", "started nginx", "started sshd", "started prometheus")
                .contains("Wrote " + spec)
                .contains("valid, cluster 'clusterbench-demo'")
                .containsPattern("(?m)^cache-latency\\s+OK\\s+ops_per_s")
                .contains("== 2/3 compare, score and gate")
                .contains("Effect of the tuning: against the rounds before tuning")
                .containsPattern("(?m)^  cache-latency\\.get\\.p99_ms\\s+.*\\[[-+].*\\s(improved|worse|no detectable change"
                        + "|inconclusive)$")
                // 5 to 10 more rounds of each when a compared metric's first rounds were too noisy or too few
                // (settings.extraRounds).
                .containsPattern("Design: alternating \\(ABBAABBAAB[AB]{0,20}\\), ([5-9]|1[0-5]) rounds per"
                        + " condition")
                .containsPattern("Verdict: (PASS|WARNING|FAIL|INCONCLUSIVE), score \\d+\\.\\d / 100")
                .contains("result.json: " + resultFile)
                .contains("report:      " + dir.resolve("run").resolve("audit-report.html"))
                .contains("trend:       " + dir.resolve("trend").resolve("trend.html"))
                .contains("bin/clusterbench validate " + spec);

        LoadedSpec loaded = SpecLoader.load(spec);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.spec().hosts()).containsKey("local");
        assertThat(loaded.spec().probes()).containsOnlyKeys("cache-latency", "lb-latency", "node-up", "memory");
        assertThat(loaded.spec().trend().metrics()).containsExactlyElementsOf(DemoSpec.TREND_METRICS);
        // The trend charts the spec's choice first, with values from both runs, before the objectives' metrics.
        JsonNode trend = new ObjectMapper().readTree(dir.resolve("trend").resolve("trend.json").toFile());
        List<String> charted = new ArrayList<>();
        trend.get("metrics").forEach(metric -> charted.add(metric.get("name").asText()));
        assertThat(charted).startsWith(DemoSpec.TREND_METRICS.toArray(String[]::new));
        assertThat(trend.get("runs")).hasSize(2).allSatisfy(point ->
                assertThat(point.get("metrics").has("cache-latency.used_memory")).isTrue());
        RunResult result = ResultFiles.read(resultFile);
        assertThat(result.probes()).extracting(ProbeMeasurement::status).containsOnly(ProbeStatus.OK);
        assertThat(result.changes()).extracting(change -> change.status().name()).containsExactly("APPLIED");
        assertThat(result.score()).isNotNull();
        assertThat(result.comparison()).isNotNull();
        assertThat(dir.resolve("run").resolve("tuning").resolve("evidence.jsonl")).exists();
        assertThat(java.nio.file.Files.readString(dir.resolve("run").resolve("audit-report.html")))
                .contains(result.score().verdict().name()).doesNotContain("<script").doesNotContain("style=");
        ServiceSpec cache = loaded.spec().services().get("cache");
        assertThat(isListening(cache.port().getAsInt()))
                .as("the demo stops its servers when it ends")
                .isFalse();
    }

    @Test
    void missingServerBinaryIsAnEnvironmentFailureGivingTheInstallCommand(@TempDir Path dir) {
        Binaries nowhere = Binaries.in(List.of(dir));

        assertThatThrownBy(() -> DemoCommand.startCluster(dir.resolve("cluster"), nowhere))
                .isInstanceOfSatisfying(ClusterBenchException.class,
                        e -> assertThat(ExitCodes.of(e.kind())).isEqualTo(ExitCodes.ENVIRONMENT))
                .hasMessage("redis-server not found (looked in " + dir + "): install it with: "
                        + "apt-get install -y redis-server");
    }

    @Test
    void refusesAnUnusableFolderWithTheEnvironmentExitCode(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a folder");

        CliRun run = CliRun.of("demo", "--dir", file.resolve("sub").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("choose a writable folder with --dir").doesNotContain("\tat ");
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
