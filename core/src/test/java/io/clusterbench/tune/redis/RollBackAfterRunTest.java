package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** What {@code rollbackIfWorse} does after a regression: undo a finished apply, read back, with evidence. */
@ExtendWith(RealServers.class)
class RollBackAfterRunTest {

    @Test
    void restoresWhatAnEarlierApplyChangedAndAppendsTheEvidence(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        RedisTuningRun run = RedisTuningRun.at(redis.port(), dir);
        LoadedSpec spec = run.spec("{ redis-config: cache, set: { slowlog-max-len: 999, hz: 20 } }");
        String before = config(redis, "slowlog-max-len");
        Tuning tuning = new Tuning(ActionRegistry.standard(), run.secrets(), Clock.systemUTC());
        Path out = dir.resolve("tuning");
        RunResult applied = tuning.apply(spec, "cluster.yaml", out, true, TuningListener.SILENT, () -> false);
        assertThat(config(redis, "slowlog-max-len")).isEqualTo("999");

        RunResult reversed = tuning.rollBack(spec, applied, out, "after-run p99 +40% (p = 0.0001)",
                TuningListener.SILENT);

        assertThat(config(redis, "slowlog-max-len")).isEqualTo(before);
        assertThat(config(redis, "hz")).isEqualTo("10");
        assertThat(reversed.changes().get(0).status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(reversed.changes().get(0).message()).contains("after-run p99 +40%");
        assertThat(EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME))).extracting(e -> e.step().word())
                .containsExactly("applying", "applied", "rolling-back", "rolled-back");
        assertThat(reversed.evidence()).extracting(Evidence::seq).containsExactly(1, 2, 3, 4);
    }

    private static String config(LocalRedis redis, String name) {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            return jedis.configGet(name).get(name);
        }
    }
}
