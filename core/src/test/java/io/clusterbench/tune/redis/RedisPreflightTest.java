package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.TuningListener;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.RedisRefusals;
import io.clusterbench.tune.redis.RedisTuningRun.Applied;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The preflight and optional actions against a real redis-server: what is known to fail changes nothing. */
@ExtendWith(RealServers.class)
class RedisPreflightTest {

    private static final Map<String, String> DEFAULTS = Map.of("slowlog-max-len", "128", "timeout", "0", "hz", "10");

    private final LocalRedis redis;
    @TempDir
    Path folder;
    private RedisTuningRun run;

    RedisPreflightTest(LocalRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void startFromDefaults() {
        resetDefaults();
        run = RedisTuningRun.at(redis.port(), folder);
    }

    @AfterEach
    void resetDefaults() {
        try (Jedis jedis = RedisTuningRun.jedis(redis.port())) {
            jedis.configSet(DEFAULTS);
        }
    }

    @Test
    void planNamesTheActionKnownToFailAndApplyLeavesTheValidOneBeforeItUntouched() throws Exception {
        String[] tuning = {"{ id: valid, redis-config: cache, set: { slowlog-max-len: 777 } }",
            "{ id: bad, redis-config: cache, set: { hz: 1000 } }"};

        List<ChangeOutcome> plan = run.tuning().plan(run.spec(tuning), TuningListener.SILENT);
        Applied applied = run.apply(tuning);

        assertThat(ChangeOutcome.knownFailures(plan)).singleElement().asString()
                .startsWith("'bad': hz must be a whole number from 1 to 500");
        assertThat(config("slowlog-max-len")).as("CONFIG GET after the refused apply").isEqualTo("128");
        assertThat(applied.result().changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.NOT_STARTED, ChangeStatus.NOT_STARTED);
        assertThat(applied.evidence()).extracting(e -> e.step().word()).containsExactly("not-started", "not-started");
        assertThat(applied.evidence().get(0).message()).contains("preflight", "action 'bad' would fail");
        RunResult written = ResultFiles.read(applied.out().resolve(ResultFiles.RESULT_JSON));
        assertThat(written.changes()).isEqualTo(applied.result().changes());
        assertThat(ChangeOutcome.refusedByPreflight(written.changes())).isTrue();
    }

    @Test
    void skipsAnOptionalActionKnownToFailAndAppliesTheOthers() throws Exception {
        Applied applied = run.apply("{ id: valid, redis-config: cache, set: { slowlog-max-len: 777 } }",
                "{ id: bad, redis-config: cache, set: { hz: 1000 }, optional: true }",
                "{ id: after, redis-config: cache, set: { timeout: 60 } }");

        assertThat(applied.result().changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.NOT_STARTED, ChangeStatus.APPLIED);
        ChangeOutcome bad = applied.outcome("bad");
        assertThat(bad.optional()).isTrue();
        assertThat(bad.knownToFail()).contains("hz must be");
        assertThat(bad.message()).contains("optional, and the preflight found that it would fail");
        assertThat(ChangeOutcome.tuningFailed(applied.result().changes())).isFalse();
        assertThat(ChangeOutcome.refusedByPreflight(applied.result().changes())).isFalse();
        assertThat(config("slowlog-max-len")).isEqualTo("777");
        assertThat(config("timeout")).isEqualTo("60");
        assertThat(config("hz")).isEqualTo("10");
    }

    @Test
    void anOptionalActionTheServerRefusesFailsAloneAndRollsBackNothingElse() throws Exception {
        Applied applied = run.apply("{ id: valid, redis-config: cache, set: { slowlog-max-len: 777 } }",
                "{ id: refused, redis-config: cache, set: { hz: 20, " + refusedByServer() + " }, optional: true }",
                "{ id: after, redis-config: cache, set: { timeout: 60 } }");

        assertThat(applied.result().changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.FAILED, ChangeStatus.APPLIED);
        ChangeOutcome refused = applied.outcome("refused");
        assertThat(refused.optional()).isTrue();
        assertThat(refused.message()).contains("maxclients", "optional: this failure neither fails the tuning");
        assertThat(applied.steps("refused")).startsWith("applying", "failed");
        assertThat(applied.steps("valid")).containsExactly("applying", "applied");
        assertThat(ChangeOutcome.tuningFailed(applied.result().changes())).isFalse();
        assertThat(config("slowlog-max-len")).isEqualTo("777");
        assertThat(config("hz")).as("the atomic CONFIG SET of the refused action set nothing").isEqualTo("10");
        assertThat(config("timeout")).isEqualTo("60");
    }

    @Test
    void aRequiredActionTheServerRefusesStillRollsBackTheOnesBeforeIt() throws Exception {
        Applied applied = run.apply("{ id: valid, redis-config: cache, set: { slowlog-max-len: 777 } }",
                "{ id: refused, redis-config: cache, set: { " + refusedByServer() + " } }");

        assertThat(applied.result().changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.ROLLED_BACK, ChangeStatus.FAILED);
        assertThat(applied.outcome("refused").knownToFail()).as("the preflight could not know").isEmpty();
        assertThat(ChangeOutcome.tuningFailed(applied.result().changes())).isTrue();
        assertThat(config("slowlog-max-len")).isEqualTo("128");
    }

    @Test
    void anUnreachableServerIsKnownToFailWhilePlanning(@TempDir Path elsewhere) throws Exception {
        // A port nothing listens on: the redis-server is stopped at once by its own try-with-resources.
        int closed;
        try (LocalRedis gone = LocalRedis.start(elsewhere)) {
            closed = gone.port();
        }
        RedisTuningRun nowhere = RedisTuningRun.at(closed, folder);

        Applied applied = nowhere.apply("{ id: gone, redis-config: cache, set: { timeout: 60 } }");

        ChangeOutcome gone = applied.outcome("gone");
        assertThat(gone.status()).isEqualTo(ChangeStatus.NOT_STARTED);
        assertThat(gone.knownToFail()).startsWith("cannot read the current state: cannot connect to");
    }

    /** Passes the checks; the server refuses it at CONFIG SET, which no preflight can know. */
    private String refusedByServer() throws java.io.IOException {
        return "maxclients: " + RedisRefusals.maxclientsAboveFileLimit(redis.pid());
    }

    private String config(String name) {
        try (Jedis jedis = RedisTuningRun.jedis(redis.port())) {
            return jedis.configGet(name).get(name);
        }
    }
}
