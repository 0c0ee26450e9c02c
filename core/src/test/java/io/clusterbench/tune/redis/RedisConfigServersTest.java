package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.control.TuningListener;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.tune.redis.RedisTuningRun.Applied;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The redis-config action against servers set up unlike the shared test Redis: no config file, a password. */
class RedisConfigServersTest {

    private static final String PASSWORD = "tune-s3cret-Pa55";

    @TempDir
    Path folder;

    @Test
    void knowsBeforehandThatPersistFailsOnAServerWithoutConfigFileAndSendsNothing() throws Exception {
        try (BareRedis bare = BareRedis.start(folder)) {
            RedisTuningRun run = RedisTuningRun.at(bare.port(), folder);
            String action = "{ redis-config: cache, set: { slowlog-max-len: 999 }, persist: true }";

            ChangeOutcome planned = run.tuning().plan(run.spec(action), TuningListener.SILENT).get(0);
            Applied applied = run.apply(action);

            assertThat(planned.knownToFail()).contains("runs without a config file", "CONFIG REWRITE would fail",
                    "drop persist: true");
            ChangeOutcome outcome = applied.outcome("redis-config:cache");
            assertThat(outcome.status()).isEqualTo(ChangeStatus.NOT_STARTED);
            assertThat(outcome.knownToFail()).isEqualTo(planned.knownToFail());
            assertThat(applied.steps("redis-config:cache")).containsExactly("not-started");
            try (Jedis jedis = RedisTuningRun.jedis(bare.port())) {
                assertThat(jedis.configGet("slowlog-max-len")).containsEntry("slowlog-max-len", "128");
            }
        }
    }

    @Test
    void logsInWithThePasswordSecret() throws Exception {
        try (LocalRedis redis = LocalRedis.start(folder.resolve("locked"), PASSWORD)) {
            RedisTuningRun run = RedisTuningRun.withPassword(redis.port(), folder, PASSWORD);

            Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 640 } }");

            assertThat(applied.outcome("redis-config:cache").status()).isEqualTo(ChangeStatus.APPLIED);
            try (Jedis jedis = RedisTuningRun.jedis(redis.port(), PASSWORD)) {
                assertThat(jedis.configGet("slowlog-max-len")).containsEntry("slowlog-max-len", "640");
            }
            assertThat(applied.evidence()).allSatisfy(line -> assertThat(line.toString()).doesNotContain(PASSWORD));
        }
    }

    @Test
    void failsWithAnAuthMessageAndNoSecretOnAWrongPassword() throws Exception {
        try (LocalRedis redis = LocalRedis.start(folder.resolve("locked"), PASSWORD)) {
            String wrong = "not-the-Pa55word";
            RedisTuningRun run = RedisTuningRun.withPassword(redis.port(), folder, wrong);

            Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 640 } }");

            // Found while planning: the preflight records it on the action and starts nothing.
            ChangeOutcome outcome = applied.outcome("redis-config:cache");
            assertThat(outcome.status()).isEqualTo(ChangeStatus.NOT_STARTED);
            assertThat(outcome.knownToFail()).contains("auth", "redis service 'cache' at 127.0.0.1:" + redis.port(),
                    "password secret").doesNotContain(wrong).doesNotContain(PASSWORD);
            try (Jedis jedis = RedisTuningRun.jedis(redis.port(), PASSWORD)) {
                assertThat(jedis.configGet("slowlog-max-len")).containsEntry("slowlog-max-len", "128");
            }
        }
    }
}
