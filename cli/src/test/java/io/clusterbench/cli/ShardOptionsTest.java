package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class ShardOptionsTest {

    @Test
    void aShardSendsItsShareAndMarksItsResultWithTheRunAndTheShard(LocalNginxBalancer nginx, @TempDir Path dir)
            throws Exception {
        Path spec = ShardRuns.spec(dir, nginx.url() + "/health", 301);

        RunResult second = ResultFiles.read(ShardRuns.shard(spec, dir, 2, 3, "nightly-7"));

        assertThat(second.shard().label()).isEqualTo("2/3");
        assertThat(second.shard().runId()).isEqualTo("nightly-7");
        assertThat(second.runId()).isEqualTo("nightly-7-shard2of3");
        assertThat(second.shard().clock()).as("no --coordinator, no clock reading").isNull();
        // 301 over 3: 101, 100, 100.
        assertThat(ShardRuns.metric(second, "requests")).isEqualTo(100);
    }

    @Test
    void waitsForTheStartInstantBeforeTheLoad(LocalNginxBalancer nginx, @TempDir Path dir) throws Exception {
        Path spec = ShardRuns.spec(dir, nginx.url() + "/health", 40);
        // Whole seconds, as a user types it, and far enough ahead that the JVM is running its probes before it.
        Instant startAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

        RunResult shard = ResultFiles.read(ShardRuns.shard(spec, dir, 1, 2, "r1", "--start-at", startAt.toString()));

        ProbeMeasurement lb = shard.probes().get(0);
        assertThat(lb.startedAt()).isAfterOrEqualTo(startAt);
    }

    @Test
    void refusesAStartInstantThatHasPassedWithUsageExitAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path spec = ShardRuns.spec(dir, "http://127.0.0.1:" + closedPort() + "/", 10);

        CliRun run = CliRun.of("benchmark", spec.toString(), "--out", dir.resolve("o").toString(), "--shard", "1/2",
                "--run-id", "r1", "--start-at", "2020-01-01T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--start-at 2020-01-01T00:00:00Z passed").doesNotContain("\tat ");
    }

    @Test
    void refusesIncompleteOrMalformedShardOptionsWithUsageExitAndWhatToGive(@TempDir Path dir) throws Exception {
        Path spec = ShardRuns.spec(dir, "http://127.0.0.1:" + closedPort() + "/", 10);
        String out = dir.resolve("o").toString();

        CliRun noShard = CliRun.of("benchmark", spec.toString(), "--out", out, "--run-id", "r1");
        CliRun noRunId = CliRun.of("benchmark", spec.toString(), "--out", out, "--shard", "1/2");
        CliRun badLabel = CliRun.of("benchmark", spec.toString(), "--out", out, "--shard", "3/2", "--run-id", "r1");
        CliRun badRunId = CliRun.of("benchmark", spec.toString(), "--out", out, "--shard", "1/2", "--run-id", "a/b");
        CliRun badStart = CliRun.of("benchmark", spec.toString(), "--out", out, "--shard", "1/2", "--run-id", "r1",
                "--start-at", "noon");
        CliRun badCoordinator = CliRun.of("benchmark", spec.toString(), "--out", out, "--shard", "1/2", "--run-id",
                "r1", "--coordinator", "coord");

        assertThat(noShard.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noShard.err()).contains("give --shard I/N too");
        assertThat(noRunId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRunId.err()).contains("--shard needs --run-id ID");
        assertThat(badLabel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badLabel.err()).contains("1 <= i <= N", "3/2");
        assertThat(badRunId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRunId.err()).contains("a run id is 1 to 100 letters", "'a/b'");
        assertThat(badStart.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStart.err()).contains("such as 2026-05-01T12:00:30Z, got 'noon'");
        assertThat(badCoordinator.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCoordinator.err()).contains("--coordinator is HOST:PORT", "'coord'");
        assertThat(noShard.err() + noRunId.err() + badLabel.err() + badRunId.err() + badStart.err()
                + badCoordinator.err()).doesNotContain("\tat ");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void saysWhereTheCoordinatorIsThatCannotBeReachedWithConnectionExit(@TempDir Path dir) throws Exception {
        Path spec = ShardRuns.spec(dir, "http://127.0.0.1:" + closedPort() + "/", 10);
        int port = closedPort();

        CliRun run = CliRun.of("benchmark", spec.toString(), "--out", dir.resolve("o").toString(), "--shard", "1/2",
                "--run-id", "r1", "--coordinator", "127.0.0.1:" + port);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err()).contains("cannot read the clock of the coordinator at 127.0.0.1:" + port,
                "'clusterbench coordinate --port " + port + "' running there").doesNotContain("\tat ");
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
