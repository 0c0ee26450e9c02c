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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the commands (issue 11): each refusal is the documented exit code, 2 for a spec and 6 for
 * a result.json, with a message and no stack trace, and quotes nothing of a file that is not what it claims.
 */
@Timeout(60)
class BadInputExitCodesTest {

    @Test
    void validateRefusesADeviceAFifoAndAFolderWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("spec.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        for (String path : List.of("/dev/zero", fifo.toString(), dir.toString())) {
            CliRun run = CliRun.of("validate", path);

            assertThat(run.exitCode()).as(path).isEqualTo(ExitCodes.INVALID_SPEC);
            assertThat(run.err()).contains(path + ": cannot read the spec: ").doesNotContain("\tat ");
        }
    }

    @Test
    void assertNeverPrintsTheContentOfTheFileAResultNamesAsItsSpec(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path result = result(dir, passwd.toString(), "1.0");

        CliRun run = CliRun.of("assert", result.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(run.out() + run.err()).doesNotContain("root").doesNotContain("/bin/bash")
                .contains(passwd + " is the spec that " + result + " names as its specFile");
    }

    @Test
    void assertRefusesANulInTheSpecPathWithTheInputCode(@TempDir Path dir) throws Exception {
        Path result = result(dir, "/tmp/a\u0000b.yaml", "1.0");

        CliRun run = CliRun.of("assert", result.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("its specFile is not a valid file path").doesNotContain("\tat ");
    }

    @Test
    void assertRefusesNullMetricsOddVersionsAndTrailingGarbageWithTheInputCode(@TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: c
                services:
                  cache: { type: redis, address: 127.0.0.1 }
                probes:
                  p: { service: cache, requests: 100 }
                objectives:
                  - { metric: p.get.p99_ms, pass: "<= 1" }
                """);
        String good = Files.readString(result(dir, spec.toString(), "1.0"));
        List<String> bad = List.of(
                good.replace("\"value\" : 1.0", "\"value\" : null"),
                good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1.5"),
                good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 0"),
                good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : -1"),
                good + "garbage");

        for (String text : bad) {
            Path file = Files.writeString(dir.resolve("bad.json"), text);
            CliRun run = CliRun.of("assert", file.toString(), "--out", dir.resolve("out").toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("not a valid result.json").doesNotContain("\tat ");
        }
    }

    private static Path result(Path dir, String specFile, String value) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ProbeMeasurement probe = new ProbeMeasurement("p", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK, start,
                start.plusSeconds(1), List.of(MetricValue.of("get.p99_ms", Double.parseDouble(value), "ms")),
                List.of(), List.of());
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "run-1", "c", specFile, "0".repeat(64),
                new ToolInfo("clusterbench", "dev", "17", "h", "Linux"), start, start.plusSeconds(2), List.of(),
                List.of(probe));
        Path file = dir.resolve("result.json");
        ResultFiles.write(result, file);
        return file;
    }
}
