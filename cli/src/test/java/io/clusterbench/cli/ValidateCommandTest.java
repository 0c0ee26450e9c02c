package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final Path FULL_EXAMPLE = Path.of("..", "docs", "examples", "full.yaml");

    @Test
    void summarisesAValidSpecAndExitsZero() {
        CliRun run = CliRun.of("validate", FULL_EXAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("valid, cluster 'memory-system'")
                .containsPattern("hosts\\s+2\\s+sark \\(ops@10\\.0\\.0\\.69:22\\)")
                .containsPattern("services\\s+5")
                .containsPattern("objectives\\s+3")
                .containsPattern("trend\\s+4\\s+cache-latency\\.ops_per_s, llm-serving\\.ttft_p95_ms,");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsEveryProblemWithFileLineAndColumnAndExitsTwo(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, """
                cluster: demo
                services:
                  cache:
                    type: redis
                    address: 127.0.0.1
                    port: 70000
                    pasword: "${env:REDIS_PASSWORD}"
                probes:
                  cache-latency: { service: cahce }
                """);

        CliRun run = CliRun.of("validate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(run.err().lines().toList()).startsWith(
                spec + ":6:11 services.cache.port: must be 1-65535, got 70000",
                spec + ":7:5 services.cache.pasword: unknown key 'pasword' (did you mean 'password'?)",
                spec + ":9:29 probes.cache-latency.service: no service 'cahce' (did you mean 'cache'?)");
        assertThat(run.err()).contains("3 problems").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesWhatTheProbesWouldRefuseAndMetricsNoProbeWrites(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, """
                cluster: demo
                services:
                  cache: { type: redis, address: 127.0.0.1 }
                  lb: { type: http, url: "http://127.0.0.1:8080/health" }
                probes:
                  cache-heavy: { service: cache, clients: 20000 }
                  cache-latency: { service: cache }
                  lb-capacity: { service: lb, concurrency: 100000 }
                  lb-latency: { service: lb, rate: 1e9 }
                  lb-load: { service: lb, rate: 100 }
                objectives:
                  - { metric: cache-latency.set.p99ms, pass: "<= 2" }
                trend: { metrics: [lb-load.throughput] }
                """);

        CliRun run = CliRun.of("validate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(run.err().lines().toList()).startsWith(
                spec + ":6:43 probes.cache-heavy.clients: must be 1-10000, got 20000",
                spec + ":8:44 probes.lb-capacity.concurrency: must be 1-10000, got 100000",
                spec + ":9:36 probes.lb-latency.rate: must be > 0 and <= 1000000, got 1e9",
                spec + ":12:15 objectives[0].metric: no metric 'set.p99ms' in probe 'cache-latency'"
                        + " (did you mean 'set.p99_ms'?)",
                spec + ":13:20 trend.metrics[0]: no metric 'throughput' in probe 'lb-load'"
                        + " (an http probe's metrics are listed in docs/probes.md#http)");
        assertThat(run.err()).contains("5 problems").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAMissingSpecFileAsAnInvalidSpec(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        CliRun run = CliRun.of("validate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(run.err()).contains(missing.toString()).doesNotContain("\tat ");
    }

    @Test
    void explainsAWrongCommandLineWithTheUsageExitCode() {
        CliRun run = CliRun.of("validate", "--no-such-option", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-such-option").contains("clusterbench validate --help");
    }
}
