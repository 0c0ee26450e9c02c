package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.EvidenceLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

@ExtendWith(RealServers.class)
class TuneCommandTest {

    @Test
    void planShowsCurrentAndWantedValuesAndChangesNothing(LocalRedis redis, @TempDir Path dir) throws Exception {
        String before = configGet(redis, "slowlog-max-len");
        Path spec = redisSpec(dir, redis, "slowlog-max-len: 777");

        CliRun run = CliRun.of("tune", spec.toString(), "--plan");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("planned").contains("slowlog-max-len").contains(before).contains("777");
        assertThat(configGet(redis, "slowlog-max-len")).isEqualTo(before);
    }

    @Test
    void applyReadsBackWritesEvidenceAndASecondApplyChangesNothing(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        Path spec = redisSpec(dir, redis, "slowlog-max-len: 555");
        Path out = dir.resolve("out");

        CliRun first = CliRun.of("tune", spec.toString(), "--apply", "--out", out.toString());
        CliRun second = CliRun.of("tune", spec.toString(), "--apply", "--out", dir.resolve("again").toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(configGet(redis, "slowlog-max-len")).isEqualTo("555");
        assertThat(EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME))).extracting(e -> e.step().word())
                .containsExactly("applying", "applied");
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).changes())
                .extracting(ChangeOutcome::status).containsExactly(ChangeStatus.APPLIED);
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("unchanged");
    }

    @Test
    void aKilledRunLeavesEvidenceThatSaysExactlyWhatWasApplied(LocalRedis redis, LocalSshd sshd, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: killed
                hosts:
                  box: { address: 127.0.0.1, port: %d, user: "%s", keyFile: "%s", knownHosts: "%s" }
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { id: set-timeout, redis-config: cache, set: { timeout: 123 } }
                  - { id: slow-command, ssh-command: box, run: [sleep, "30"], timeout: 60s }
                  - { id: never-reached, redis-config: cache, set: { tcp-keepalive: 77 } }
                """.formatted(sshd.port(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile(), redis.port()));
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder(CliRun.javaCommand("tune", spec.toString(), "--apply", "--out", out.toString()))
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.contains("slow-command") && line.contains("applying")) {
                    break; // the second action is in flight
                }
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no final write
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        List<String> steps = EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME)).stream()
                .map(e -> e.action() + " " + e.step()).toList();
        assertThat(steps).containsExactly("set-timeout applying", "set-timeout applied", "slow-command applying");
        assertThat(configGet(redis, "timeout")).isEqualTo("123");
        assertThat(configGet(redis, "tcp-keepalive")).isNotEqualTo("77");
    }

    @Test
    void planExitsWithThePreflightCodeAndApplyChangesNothingWhenALaterActionIsKnownToFail(LocalRedis redis,
            @TempDir Path dir) throws Exception {
        String before = configGet(redis, "tcp-keepalive");
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: tune-test
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { id: keepalive, redis-config: cache, set: { tcp-keepalive: 77 } }
                  - { id: bad-hz, redis-config: cache, set: { hz: 1000 } }
                """.formatted(redis.port()));
        Path out = dir.resolve("out");

        CliRun plan = CliRun.of("tune", spec.toString(), "--plan");
        CliRun apply = CliRun.of("tune", spec.toString(), "--apply", "--out", out.toString());

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.PREFLIGHT);
        assertThat(plan.out()).contains("known to fail", "'bad-hz': hz must be a whole number from 1 to 500",
                "optional: true");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.PREFLIGHT);
        assertThat(apply.out()).contains("Nothing was applied", "'bad-hz'").doesNotContain("applying");
        assertThat(apply.err()).doesNotContain("Exception");
        assertThat(configGet(redis, "tcp-keepalive")).as("CONFIG GET after the refused apply").isEqualTo(before);
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.NOT_STARTED, ChangeStatus.NOT_STARTED);
        assertThat(EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME))).extracting(e -> e.step().word())
                .containsExactly("not-started", "not-started");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("bad-hz (redis-config) NOT_STARTED")
                .contains("<failure");
    }

    @Test
    void anOptionalActionKnownToFailIsSkippedAndTheTuningSucceeds(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        String before = configGet(redis, "tcp-keepalive");
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: tune-test
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { id: keepalive, redis-config: cache, set: { tcp-keepalive: 78 } }
                  - { id: bad-hz, redis-config: cache, set: { hz: 1000 }, optional: true }
                """.formatted(redis.port()));
        Path out = dir.resolve("out");
        try {
            CliRun plan = CliRun.of("tune", spec.toString(), "--plan");
            CliRun apply = CliRun.of("tune", spec.toString(), "--apply", "--out", out.toString());

            assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.OK);
            assertThat(plan.out()).contains("Optional action 'bad-hz' is known to fail and would be skipped");
            assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
            assertThat(configGet(redis, "tcp-keepalive")).isEqualTo("78");
            assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).changes())
                    .extracting(ChangeOutcome::status, ChangeOutcome::optional).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ChangeStatus.APPLIED, false),
                            org.assertj.core.groups.Tuple.tuple(ChangeStatus.NOT_STARTED, true));
            assertThat(Files.readString(out.resolve("junit.xml"))).contains("bad-hz (redis-config) NOT_STARTED optional");
        } finally {
            try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
                jedis.configSet("tcp-keepalive", before);
            }
        }
    }

    private static Path redisSpec(Path dir, LocalRedis redis, String setting) throws Exception {
        return Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: tune-test
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { redis-config: cache, set: { %s } }
                """.formatted(redis.port(), setting));
    }

    private static String configGet(LocalRedis redis, String parameter) {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            return jedis.configGet(parameter).get(parameter);
        }
    }
}
