package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.testkit.GateCases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options out of range are usage errors: exit 2, one line with the allowed range, nothing run or written. */
class UsageErrorsTest {

    @ParameterizedTest(name = "{0} --parallel {1}")
    @CsvSource({"benchmark, 0", "benchmark, -1", "run, 0", "run, -1", "run, 1000"})
    void refusesAParallelismOutOfRangeBeforeAnythingRuns(String command, String value, @TempDir Path dir)
            throws Exception {
        Path spec = GateCases.all().get(0).writeSpec(dir);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of(command, spec.toString(), "--out", out.toString(), "--parallel", value);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(run.err()).contains("--parallel must be a whole number from 1 to 256, got " + value)
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "run {0} {1}")
    @CsvSource({"--min-score, 101", "--min-score, -5", "--min-score, NaN", "--unstable-below, -1"})
    void refusesAGateOptionOutOfRangeBeforeAnythingRuns(String option, String value, @TempDir Path dir)
            throws Exception {
        Path spec = GateCases.all().get(0).writeSpec(dir);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString(), option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(option + " must be a number from 0 to 100");
        assertThat(out).doesNotExist();
    }
}
