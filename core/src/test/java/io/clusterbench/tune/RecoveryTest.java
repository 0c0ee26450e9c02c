package io.clusterbench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.TuningListener;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.SshdSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Recovery from evidence.jsonl against a real Redis and a real sshd. */
@ExtendWith(RealServers.class)
class RecoveryTest {
    private final Tuning tuning = new Tuning(ActionRegistry.standard(), SecretResolver.system(), Clock.systemUTC());
    private final Recovery recovery = new Recovery(ActionRegistry.standard(), SecretResolver.system(),
            Clock.systemUTC());

    @BeforeEach
    void resetTimeout(LocalRedis redis) {
        configSet(redis, "timeout", "0");
    }

    @Test
    void restoresTheBeforeValueWithReadBackAndASecondRecoverySendsNothing(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        LoadedSpec spec = redisSpec(redis, dir);
        tuning.apply(spec, "cluster.yaml", dir.resolve("run"), true, TuningListener.SILENT, () -> false);
        assertThat(configGet(redis, "timeout")).isEqualTo("300");
        Path evidence = dir.resolve("run").resolve(EvidenceLog.FILE_NAME);

        RunResult first = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r1"), TuningListener.SILENT,
                () -> false);
        RunResult second = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r2"), TuningListener.SILENT,
                () -> false);

        assertThat(configGet(redis, "timeout")).isEqualTo("0");
        assertThat(first.changes()).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
            assertThat(change.verified()).isTrue();
            assertThat(change.before()).containsEntry("timeout", "300");
            assertThat(change.after()).containsEntry("timeout", "0");
        });
        assertThat(steps(first)).containsExactly("timeout rolling-back", "timeout rolled-back");
        assertThat(EvidenceLog.read(dir.resolve("r1").resolve(EvidenceLog.FILE_NAME))).isEqualTo(first.evidence());
        assertThat(second.changes()).extracting(ChangeOutcome::status).containsExactly(ChangeStatus.UNCHANGED);
        assertThat(steps(second)).containsExactly("timeout unchanged");
    }

    @Test
    void decidesFromTheCurrentValueWhenTheRunWasKilledBetweenApplyingAndApplied(LocalRedis redis,
            @TempDir Path dir) throws Exception {
        LoadedSpec spec = redisSpec(redis, dir);
        tuning.apply(spec, "cluster.yaml", dir.resolve("run"), true, TuningListener.SILENT, () -> false);
        Path evidence = dir.resolve("run").resolve(EvidenceLog.FILE_NAME);
        // Killed after the applying line: once after CONFIG SET reached the server, once before.
        List<String> lines = Files.readAllLines(evidence);
        Files.writeString(evidence, lines.get(0) + "\n");

        RunResult changed = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r1"),
                TuningListener.SILENT, () -> false);
        RunResult notChanged = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r2"),
                TuningListener.SILENT, () -> false);

        assertThat(changed.changes()).extracting(ChangeOutcome::status).containsExactly(ChangeStatus.ROLLED_BACK);
        assertThat(notChanged.changes()).extracting(ChangeOutcome::status).containsExactly(ChangeStatus.UNCHANGED);
        assertThat(configGet(redis, "timeout")).isEqualTo("0");
    }

    @Test
    void restoresAfterTheLastSwitchOfAnAlternatingRunOnly(LocalRedis redis, @TempDir Path dir) throws Exception {
        LoadedSpec spec = redisSpec(redis, dir);
        Path out = dir.resolve("tuning");
        RunResult tuned = tuning.apply(spec, "cluster.yaml", out, true, TuningListener.SILENT, () -> false);
        tuned = tuning.rollBack(spec, tuned, out, "round 2 is A", TuningListener.SILENT);
        Path evidence = out.resolve(EvidenceLog.FILE_NAME);
        RunResult afterRollback = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r1"),
                TuningListener.SILENT, () -> false);
        tuning.apply(spec, "cluster.yaml", out, true, TuningListener.SILENT, () -> false);

        RunResult afterApply = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r2"),
                TuningListener.SILENT, () -> false);

        assertThat(afterRollback.changes()).isEmpty();
        assertThat(afterApply.changes()).extracting(ChangeOutcome::status).containsExactly(ChangeStatus.ROLLED_BACK);
        assertThat(configGet(redis, "timeout")).isEqualTo("0");
    }

    @Test
    void runsTheUndoOfACommandAndNamesWhatToDoByHandForOneWithoutUndo(LocalSshd sshd, @TempDir Path dir)
            throws Exception {
        Path flag = dir.resolve("flag");
        Files.writeString(flag, "off");
        LoadedSpec spec = SpecLoader.load("cluster.yaml", """
                cluster: commands
                hosts:
                %s
                tuning:
                  - { id: flag, ssh-command: box, run: [sh, -c, 'echo on > "$1"', sh, "%2$s"],
                      check: [cat, "%2$s"], undo: [sh, -c, 'echo off > "$1"', sh, "%2$s"] }
                  - { id: marker, ssh-command: box, run: [touch, "%3$s"] }
                """.formatted(SshdSpecs.host("box", sshd), flag, dir.resolve("marker")), dir, SecretResolver.system());
        tuning.apply(spec, "cluster.yaml", dir.resolve("run"), false, TuningListener.SILENT, () -> false);
        assertThat(Files.readString(flag)).isEqualTo("on\n");
        Path evidence = dir.resolve("run").resolve(EvidenceLog.FILE_NAME);

        RunResult first = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r1"), TuningListener.SILENT,
                () -> false);
        RunResult second = recovery.recover(spec, "cluster.yaml", evidence, dir.resolve("r2"), TuningListener.SILENT,
                () -> false);

        assertThat(Files.readString(flag)).isEqualTo("off\n");
        assertThat(first.changes()).extracting(ChangeOutcome::action, ChangeOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("marker", ChangeStatus.APPLIED),
                org.assertj.core.groups.Tuple.tuple("flag", ChangeStatus.ROLLED_BACK));
        assertThat(first.changes().get(0).verified()).isFalse();
        assertThat(first.changes().get(0).message()).contains("cannot be rolled back")
                .contains("by hand: reverse [touch, " + dir.resolve("marker") + "]");
        assertThat(steps(first)).startsWith("marker not-reversible");
        assertThat(second.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.UNCHANGED);
    }

    @Test
    void anActionTheSpecNoLongerHasIsNamedWithTheValuesToRestoreByHand(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        LoadedSpec spec = redisSpec(redis, dir);
        tuning.apply(spec, "cluster.yaml", dir.resolve("run"), true, TuningListener.SILENT, () -> false);
        LoadedSpec without = SpecLoader.load("cluster.yaml", """
                cluster: local
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                """.formatted(redis.port()), dir, SecretResolver.system());

        RunResult result = recovery.recover(without, "cluster.yaml", dir.resolve("run").resolve(EvidenceLog.FILE_NAME),
                dir.resolve("r"), TuningListener.SILENT, () -> false);

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(ChangeStatus.ROLLBACK_FAILED);
            assertThat(change.message()).contains("timeout=0").contains("redis://127.0.0.1:" + redis.port())
                    .contains("by hand");
        });
        assertThat(configGet(redis, "timeout")).isEqualTo("300");
    }

    @Test
    void aStoppedRecoveryStartsNoFurtherRestoreAndSaysSo(LocalRedis redis, @TempDir Path dir) throws Exception {
        LoadedSpec spec = redisSpec(redis, dir);
        tuning.apply(spec, "cluster.yaml", dir.resolve("run"), true, TuningListener.SILENT, () -> false);

        RunResult result = recovery.recover(spec, "cluster.yaml", dir.resolve("run").resolve(EvidenceLog.FILE_NAME),
                dir.resolve("r"), TuningListener.SILENT, () -> true);

        assertThat(result.changes()).extracting(ChangeOutcome::status).containsExactly(ChangeStatus.NOT_STARTED);
        assertThat(result.evidence()).extracting(Evidence::step).containsExactly(EvidenceStep.NOT_STARTED);
        assertThat(configGet(redis, "timeout")).isEqualTo("300");
    }

    @Test
    void theRedisHintNamesConfigSetAndTheLoginFlagsButNoPassword(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        LoadedSpec spec = SpecLoader.load("cluster.yaml", """
                cluster: local
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d, user: ops, password: "${env:NOPE_PASSWORD}" }
                tuning:
                  - { id: timeout, redis-config: cache, set: { timeout: 300 } }
                """.formatted(redis.port()), dir, ref -> "s3cr3t-pw");
        ActionContext context = new ActionContext(spec.spec(), spec.spec().tuning().get(0), SecretResolver.system(),
                new io.clusterbench.ssh.RunSshHosts(spec.spec(), SecretResolver.system()), Clock.systemUTC());

        String hint = new io.clusterbench.tune.redis.RedisConfigAction().byHand(context, java.util.Map.of("timeout", "0"));

        assertThat(hint).isEqualTo("CONFIG SET timeout 0 on redis service 'cache' at 127.0.0.1:" + redis.port()
                + ", e.g. redis-cli -h 127.0.0.1 -p " + redis.port() + " --user ops --askpass CONFIG SET timeout 0");
    }

    private static LoadedSpec redisSpec(LocalRedis redis, Path dir) throws Exception {
        return SpecLoader.load("cluster.yaml", """
                cluster: local
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { id: timeout, redis-config: cache, set: { timeout: 300 } }
                """.formatted(redis.port()), dir, SecretResolver.system());
    }

    private static List<String> steps(RunResult result) {
        return result.evidence().stream().map(e -> e.action() + " " + e.step()).toList();
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
