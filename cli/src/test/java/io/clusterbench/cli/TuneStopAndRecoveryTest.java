package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.SshdSpecs;
import io.clusterbench.tune.EvidenceLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * SIGTERM and Ctrl-C during tuning, in a separate JVM: the running action finishes its step and read-back, nothing new
 * starts, evidence, result.json and the reports are written, the exit code is the signal's, and {@code tune
 * --rollback} then restores exactly what was there before.
 */
@ExtendWith(RealServers.class)
class TuneStopAndRecoveryTest {

    @BeforeEach
    void resetRedis(LocalRedis redis) {
        configSet(redis, "timeout", "0");
        configSet(redis, "tcp-keepalive", "300");
    }

    @Test
    void sigtermDuringApplyFinishesTheRunningActionWritesEverythingAndRollbackRestores(LocalRedis redis,
            LocalSshd sshd, @TempDir Path dir) throws Exception {
        Path flag = dir.resolve("flag");
        Path spec = spec(dir, redis, sshd, flag);
        Path out = dir.resolve("out");
        int exit;
        double secondsToExit;
        try (CliProcess cli = CliProcess.start("tune", spec.toString(), "--apply", "--out", out.toString())) {
            assertThat(cli.awaitLine(line -> line.contains("slow") && line.contains("applying")))
                    .as(cli.printed()).isTrue();
            long signalled = System.nanoTime();
            cli.signal("TERM");
            exit = cli.awaitExit(40);
            secondsToExit = (System.nanoTime() - signalled) / 1e9;
            assertThat(exit).as(cli.printed()).isEqualTo(143);
            assertThat(cli.printed()).contains("--rollback " + out.resolve(EvidenceLog.FILE_NAME));
        }

        System.out.printf("tune --apply: SIGTERM to exit %.2f s%n", secondsToExit);
        // The running action (sleep 1, then write the file) finished its step and read-back; the next never began.
        assertThat(secondsToExit).as("seconds from SIGTERM to exit").isLessThan(20);
        assertThat(steps(out)).containsExactly("timeout applying", "timeout applied", "slow applying", "slow applied",
                "keepalive not-started");
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED, ChangeStatus.NOT_STARTED);
        assertThat(out.resolve("audit-report.md")).exists();
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("keepalive (redis-config) NOT_STARTED");
        assertThat(Files.readString(flag)).isEqualTo("x\n");
        assertThat(configGet(redis, "timeout")).isEqualTo("300");

        assertRollbackRestores(spec, out.resolve(EvidenceLog.FILE_NAME), dir, redis, flag);
    }

    @Test
    void ctrlCDuringRunsTuningStopsAfterTheRunningActionAndRollbackRestores(LocalRedis redis, LocalSshd sshd,
            @TempDir Path dir) throws Exception {
        Path flag = dir.resolve("flag");
        Path spec = spec(dir, redis, sshd, flag);
        Path out = dir.resolve("run");
        try (CliProcess cli = CliProcess.start("run", spec.toString(), "--out", out.toString())) {
            assertThat(cli.awaitLine(line -> line.contains("slow") && line.contains("applying")))
                    .as(cli.printed()).isTrue();
            long signalled = System.nanoTime();
            cli.signal("INT");
            assertThat(cli.awaitExit(40)).as(cli.printed()).isEqualTo(130);
            System.out.printf("run: SIGINT to exit %.2f s%n", (System.nanoTime() - signalled) / 1e9);
            assertThat(cli.printed()).contains("--rollback " + out.resolve("tuning").resolve(EvidenceLog.FILE_NAME));
        }

        Path tuning = out.resolve("tuning");
        assertThat(steps(tuning)).containsExactly("timeout applying", "timeout applied", "slow applying",
                "slow applied", "keepalive not-started");
        assertThat(ResultFiles.read(tuning.resolve(ResultFiles.RESULT_JSON)).changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED, ChangeStatus.NOT_STARTED);
        assertThat(tuning.resolve("audit-report.md")).exists();

        assertRollbackRestores(spec, tuning.resolve(EvidenceLog.FILE_NAME), dir, redis, flag);
    }

    private static void assertRollbackRestores(Path spec, Path evidence, Path dir, LocalRedis redis, Path flag)
            throws Exception {
        Path restored = dir.resolve("restored");
        CliRun first = CliRun.of("tune", spec.toString(), "--rollback", evidence.toString(), "--out",
                restored.toString());
        CliRun second = CliRun.of("tune", spec.toString(), "--rollback", evidence.toString(), "--out",
                dir.resolve("again").toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(configGet(redis, "timeout")).isEqualTo("0");
        assertThat(configGet(redis, "tcp-keepalive")).isEqualTo("300");
        assertThat(flag).doesNotExist();
        assertThat(steps(restored)).containsExactly("slow rolling-back", "slow rolled-back", "timeout rolling-back",
                "timeout rolled-back");
        assertThat(restored.resolve(ResultFiles.RESULT_JSON)).exists();
        assertThat(restored.resolve("junit.xml")).exists();
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCodes.OK);
        assertThat(steps(dir.resolve("again"))).containsExactly("slow unchanged", "timeout unchanged");
    }

    /** A reversible Redis change, a slow reversible command (1 s) to signal during, and one more Redis change. */
    private static Path spec(Path dir, LocalRedis redis, LocalSshd sshd, Path flag) throws Exception {
        return Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: stop-test
                hosts:
                %s
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  latency: { service: cache, clients: 1, requests: 50, warmup: 0s }
                tuning:
                  - { id: timeout, redis-config: cache, set: { timeout: 300 } }
                  - { id: slow, ssh-command: box, run: [sh, -c, 'sleep 1; echo x > "$1"', sh, "%3$s"],
                      check: [sh, -c, 'cat "$1" 2>/dev/null || true', sh, "%3$s"], undo: [rm, -f, "%3$s"] }
                  - { id: keepalive, redis-config: cache, set: { tcp-keepalive: 77 } }
                """.formatted(SshdSpecs.host("box", sshd), redis.port(), flag));
    }

    private static List<String> steps(Path out) throws Exception {
        return EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME)).stream().map(e -> e.action() + " " + e.step())
                .toList();
    }

    static String configGet(LocalRedis redis, String name) {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            return jedis.configGet(name).get(name);
        }
    }

    static void configSet(LocalRedis redis, String name, String value) {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            jedis.configSet(name, value);
        }
    }
}
