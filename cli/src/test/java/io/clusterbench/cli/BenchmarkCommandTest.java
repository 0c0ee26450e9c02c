package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class BenchmarkCommandTest {

    @Test
    void measuresEveryProbePrintsTheHeadlinesAndWritesResultJson(LocalRedis redis, LocalNginxBalancer nginx,
            @TempDir Path dir) throws Exception {
        Path spec = writeSpec(dir, redis.port(), nginx.url(), "requests: 2000", "requests: 300");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("benchmark", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.probes()).extracting(ProbeMeasurement::probe).containsExactly("cache", "lb");
        assertThat(result.probes()).extracting(ProbeMeasurement::status).containsOnly(ProbeStatus.OK);
        assertThat(run.out())
                .containsPattern("(?m)^cache\\s+OK\\s+.*ops_per_s")
                .containsPattern("(?m)^lb\\s+OK\\s+.*p99_ms")
                .contains("Wrote " + out.resolve(ResultFiles.RESULT_JSON));
    }

    @Test
    void goesOnAfterAFailedProbeAndSaysSoInItsExitCode(LocalNginxBalancer nginx, @TempDir Path dir)
            throws Exception {
        Path spec = writeSpec(dir, closedPort(), nginx.url(), "requests: 100", "requests: 100");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("benchmark", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SOME_PROBES_FAILED);
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.FAILED, ProbeStatus.OK);
        assertThat(result.probes().get(0).errors())
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE));
    }

    @Test
    void runsOnlyTheNamedProbes(LocalRedis redis, LocalNginxBalancer nginx, @TempDir Path dir) throws Exception {
        Path spec = writeSpec(dir, redis.port(), nginx.url(), "requests: 500", "requests: 50");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("benchmark", spec.toString(), "--out", out.toString(), "--only", "lb");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes())
                .extracting(ProbeMeasurement::probe).containsExactly("lb");
    }

    @Test
    void cannotRunWithAnUnknownOnlyProbeOrAnUnwritableFolder(@TempDir Path dir) throws Exception {
        Path spec = writeSpec(dir, closedPort(), "http://127.0.0.1:" + closedPort(), "requests: 1", "requests: 1");
        Path file = Files.writeString(dir.resolve("file"), "x");

        CliRun unknown = CliRun.of("benchmark", spec.toString(), "--out", dir.resolve("o").toString(), "--only", "cahe");
        CliRun unwritable = CliRun.of("benchmark", spec.toString(), "--out", file.resolve("o").toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(unknown.err()).contains("cahe").contains("cache, lb").doesNotContain("\tat ");
        assertThat(unwritable.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(unwritable.err()).contains("choose a writable folder with --out").doesNotContain("\tat ");
    }

    @Test
    void sigtermStopsTheLoadPromptlyAndStillWritesWhatWasMeasured(LocalNginxBalancer nginx, @TempDir Path dir)
            throws Exception {
        // No warm-up: the progress line comes before it ends, and a SIGTERM then would leave nothing measured.
        Path spec = writeSpec(dir, closedPort(), nginx.url(), "requests: 1", "duration: 60s, warmup: 0s");
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder(CliRun.javaCommand("benchmark", spec.toString(), "--out", out.toString(),
                "--only", "lb")).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.contains("] lb ") && line.contains(" done,")) {
                    break; // the load is running: a progress line was printed
                }
            }
            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
            double secondsToStop = (System.nanoTime() - signalled) / 1e9;
            assertThat(secondsToStop).as("seconds from SIGTERM to exit").isLessThan(10);
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).isEqualTo(143);
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        ProbeMeasurement lb = result.probes().get(0);
        assertThat(lb.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(lb.errors()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(ErrorKind.STOPPED));
        assertThat(lb.latencies().get(0).count()).isPositive();
    }

    private static Path writeSpec(Path dir, int redisPort, String nginxUrl, String redisLoad, String httpLoad)
            throws Exception {
        return Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: cli-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                  nginx: { type: http, url: "%s/health" }
                probes:
                  cache: { service: redis, clients: 4, %s }
                  lb: { service: nginx, concurrency: 2, %s }
                """.formatted(redisPort, nginxUrl, redisLoad, httpLoad));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
