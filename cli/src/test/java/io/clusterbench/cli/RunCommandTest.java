package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.RedisRefusals;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

@ExtendWith(RealServers.class)
class RunCommandTest {

    @Test
    void benchmarksTunesBenchmarksAgainScoresAndComparesTheSameWorkload(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: run-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 2000 }
                tuning:
                  - { redis-config: redis, set: { slowlog-max-len: 256 } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 5000", key: true }
                settings: { extraRounds: 0 }
                """.formatted(redis.port()));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("== 1/3 5 rounds per condition, alternating (ABBAABBAAB)", "-- round 10/10: B",
                "== 2/3", "Verdict: PASS", "Effect of the tuning: ", "Change [95% CI]", "Design: alternating");
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        RunResult before = ResultFiles.read(out.resolve("before").resolve(ResultFiles.RESULT_JSON));
        assertThat(result.changes()).extracting(change -> change.status()).containsExactly(ChangeStatus.APPLIED);
        assertThat(result.comparison().beforeRunId()).isEqualTo(before.runId());
        assertThat(result.comparison().metrics()).anySatisfy(m -> assertThat(m.metric()).isEqualTo("cache.p99_ms"));
        assertThat(before.probes().get(0).rounds()).extracting(r -> r.index()).containsExactly(1, 4, 5, 8, 9);
        assertThat(result.probes().get(0).rounds()).extracting(r -> r.condition()).containsOnly("B").hasSize(5);
        assertThat(out.resolve("rounds").resolve("01-A").resolve(ResultFiles.RESULT_JSON)).exists();
        assertThat(out.resolve("rounds").resolve("10-B").resolve(ResultFiles.RESULT_JSON)).exists();
        assertThat(result.runId()).isNotEqualTo(before.runId());
        assertThat(before.score()).isNotNull();
        assertThat(Files.readString(out.resolve("audit-report.md"))).contains("slowlog-max-len").contains("cache.p99_ms");
    }

    @Test
    void anIrreversibleActionGetsTheBeforeAfterDesignAndTheResultNamesIt(LocalRedis redis, LocalSshd sshd,
            @TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: run-test
                hosts:
                  box: { address: 127.0.0.1, port: %d, user: "%s", keyFile: "%s", knownHosts: "%s" }
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 500, warmup: 0s }
                tuning:
                  - id: touch
                    ssh-command: box
                    run: [sh, -c, 'echo done > "$1"', sh, "%s"]
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 5000" }
                """.formatted(sshd.port(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile(), redis.port(),
                marker));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.comparison().design()).isEqualTo(RunComparison.BEFORE_AFTER);
        assertThat(result.comparison().order()).isEqualTo("AAAAABBBBB");
        assertThat(result.comparison().designNote()).contains("the weaker design").contains("touch");
        assertThat(Files.readString(marker).strip()).isEqualTo("done");
        assertThat(run.out()).contains("Design: before-after (AAAAABBBBB)");
    }

    @Test
    void aTuningThatFailedAndWasRolledBackGetsNoEffectAtAll(LocalRedis redis, @TempDir Path dir) throws Exception {
        // maxclients above the file limit passes every check and is refused by the server at CONFIG SET: a failure
        // the preflight cannot know, so the first action is applied, then rolled back.
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: run-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 2000 }
                tuning:
                  - { redis-config: redis, set: { slowlog-max-len: 257 } }
                  - { redis-config: redis, set: { maxclients: %s } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 5000", key: true }
                """.formatted(redis.port(), RedisRefusals.maxclientsAboveFileLimit(redis.pid())));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SOME_PROBES_FAILED);
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.changes()).extracting(change -> change.status())
                .containsExactly(ChangeStatus.ROLLED_BACK, ChangeStatus.FAILED);
        assertThat(result.comparison().metrics()).isEmpty();
        assertThat(result.comparison().explanation()).startsWith("not applied: nothing to compare");
        assertThat(run.out()).contains("Effect of the tuning: not applied: nothing to compare")
                .doesNotContain("improved").doesNotContain("worse (");
    }

    @Test
    void aTuningWithAnActionKnownToFailIsNotAppliedAndTheRunSaysSo(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        String before;
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            before = jedis.configGet("slowlog-max-len").get("slowlog-max-len");
        }
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: run-test
                services:
                  redis: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: redis, clients: 2, requests: 2000 }
                tuning:
                  - { id: slowlog, redis-config: redis, set: { slowlog-max-len: 258 } }
                  - { id: bad-hz, redis-config: redis, set: { hz: 1000 } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 5000", key: true }
                """.formatted(redis.port()));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.PREFLIGHT);
        assertThat(run.out()).contains("preflight found a required action known to fail", "'bad-hz'",
                "no round was measured");
        // Refused before the first round: the cluster's time is not spent on rounds of a tuning that cannot apply.
        assertThat(out.resolve("rounds")).doesNotExist();
        assertThat(out.resolve("audit-report.html")).exists();
        RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(result.changes()).extracting(change -> change.status())
                .containsExactly(ChangeStatus.NOT_STARTED, ChangeStatus.NOT_STARTED);
        assertThat(result.evidence()).extracting(e -> e.step().word()).containsExactly("not-started", "not-started");
        assertThat(result.comparison().explanation()).startsWith("not applied: nothing to compare");
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            assertThat(jedis.configGet("slowlog-max-len")).containsEntry("slowlog-max-len", before);
        }
    }
}
