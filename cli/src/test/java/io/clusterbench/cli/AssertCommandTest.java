package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

@ExtendWith(RealServers.class)
class AssertCommandTest {

    @Test
    void passesAMeasuredRunAndWritesTheScoredResultAndReports(LocalRedis redis, @TempDir Path dir) throws Exception {
        Path result = benchmark(redis, dir, "pass: \"<= 5000\"");

        CliRun run = CliRun.of("assert", result.toString(), "--min-score", "85");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("cache.p99_ms").containsPattern("Verdict: PASS, score 100\\.0 / 100");
        RunResult scored = ResultFiles.read(result);
        assertThat(scored.score().verdict()).isEqualTo(Verdict.PASS);
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(result.resolveSibling("junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).as("the objective and the gate").isEqualTo(2);
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
        assertThat(run.out()).contains("Gate: PASS (exit 0)");
        assertThat(scored.gate().exitCode()).isZero();
    }

    @Test
    void failsWithExitCode99WhenAnObjectiveIsMissed(LocalRedis redis, @TempDir Path dir) throws Exception {
        Path result = benchmark(redis, dir, "pass: \"<= 0.000001\", key: true");

        CliRun run = CliRun.of("assert", result.toString());

        assertThat(run.exitCode()).isEqualTo(99);
        assertThat(run.out()).contains("Verdict: FAIL");
        assertThat(Files.readString(result.resolveSibling("junit.xml"))).contains("<failure");
    }

    @Test
    void aRelativeObjectiveWithoutHistoryIsInconclusiveNeverASilentPass(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        Path result = benchmark(redis, dir, "pass: \"<= +10%\"");

        CliRun lenient = CliRun.of("assert", result.toString());
        CliRun strict = CliRun.of("assert", result.toString(), "--fail-on-inconclusive");

        assertThat(lenient.exitCode()).isZero();
        assertThat(strict.exitCode()).isEqualTo(97);
        assertThat(ResultFiles.read(result).score().objectives().get(0).status())
                .isEqualTo(ObjectiveStatus.INCONCLUSIVE);
    }

    @Test
    void reportsAnUnreadableResultWithTheInputExitCode(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("result.json"), "{ not json");

        CliRun run = CliRun.of("assert", broken.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(broken.toString()).doesNotContain("\tat ");
    }

    private static Path benchmark(LocalRedis redis, Path dir, String criterion) throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: assert-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 500 }
                objectives:
                  - { metric: cache.p99_ms, %s }
                """.formatted(redis.port(), criterion));
        Path out = dir.resolve("out");
        CliRun benchmark = CliRun.of("benchmark", spec.toString(), "--out", out.toString());
        assertThat(benchmark.exitCode()).as(benchmark.out() + benchmark.err()).isZero();
        return out.resolve(ResultFiles.RESULT_JSON);
    }
}
