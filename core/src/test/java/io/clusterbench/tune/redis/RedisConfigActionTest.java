package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.ssh.RunSshHosts;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.RedisRefusals;
import io.clusterbench.tune.ActionContext;
import io.clusterbench.tune.ActionPlan;
import io.clusterbench.control.TuningListener;
import io.clusterbench.tune.redis.RedisTuningRun.Applied;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/** The redis-config action against a real redis-server, through the tuning runner as a run uses it. */
@ExtendWith(RealServers.class)
class RedisConfigActionTest {

    /** Every parameter these tests change, at Redis's defaults; restored after each test. */
    private static final Map<String, String> DEFAULTS = Map.of("slowlog-max-len", "128", "maxmemory", "0",
            "hz", "10", "timeout", "0", "maxmemory-policy", "noeviction");

    private final LocalRedis redis;
    @TempDir
    Path folder;
    private RedisTuningRun run;

    RedisConfigActionTest(LocalRedis redis) {
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
    void plansCurrentAndWantedValuesWithoutChangingAnything() throws Exception {
        LoadedSpec spec = run.spec("{ redis-config: cache, set: { slowlog-max-len: 256, maxmemory: 100mb } }");
        Map<String, String> configBefore = allConfig();

        List<ChangeOutcome> plan = run.tuning().plan(spec, TuningListener.SILENT);

        assertThat(allConfig()).isEqualTo(configBefore);
        assertThat(plan).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(ChangeStatus.PLANNED);
            assertThat(outcome.target()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(outcome.before()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("slowlog-max-len", "128", "maxmemory", "0"));
            assertThat(outcome.wanted()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("slowlog-max-len", "256", "maxmemory", "104857600"));
            assertThat(outcome.message()).contains("one atomic CONFIG SET", "maxmemory 100mb is sent as 104857600");
        });
    }

    @Test
    void appliesAndReadsBackWithApplyingAndAppliedEvidence() throws Exception {
        Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 300, maxmemory: 100mb } }");

        assertThat(config("slowlog-max-len")).isEqualTo("300");
        assertThat(config("maxmemory")).isEqualTo("104857600");
        ChangeOutcome outcome = applied.outcome("redis-config:cache");
        assertThat(outcome.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(outcome.verified()).isTrue();
        assertThat(applied.steps("redis-config:cache")).containsExactly("applying", "applied");
        Evidence done = applied.evidence().get(1);
        assertThat(done.before()).containsEntry("slowlog-max-len", "128").containsEntry("maxmemory", "0");
        assertThat(done.after()).containsEntry("slowlog-max-len", "300").containsEntry("maxmemory", "104857600");
    }

    @Test
    void refusesDirAtSpecValidationBeforeAnythingIsSent() {
        String dirBefore = config("dir");

        assertThatThrownBy(() -> run.spec("{ redis-config: cache, set: { slowlog-max-len: 99, dir: /tmp } }"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'dir'").hasMessageContaining("refused").hasMessageContaining("overwrite");
        assertThat(config("dir")).isEqualTo(dirBefore);
        assertThat(config("slowlog-max-len")).isEqualTo("128");
    }

    @Test
    void refusesDirItselfWhenASpecObjectWasBuiltWithoutTheLoader() throws Exception {
        LoadedSpec loaded = run.spec("{ redis-config: cache, set: { slowlog-max-len: 99 } }");
        ActionSpec valid = loaded.spec().tuning().get(0);
        ActionSpec forged = new ActionSpec(valid.id(), valid.kind(), valid.target(),
                new Parameters(Map.of("set", Map.of("slowlog-max-len", "99", "dir", "/tmp"))), valid.location());
        String dirBefore = config("dir");
        RedisConfigAction action = new RedisConfigAction();

        try (RunSshHosts ssh = new RunSshHosts(loaded.spec(), run.secrets())) {
            ActionContext context = new ActionContext(loaded.spec(), forged, run.secrets(), ssh, Clock.systemUTC());
            ActionPlan plan = new ActionPlan("redis://x", Map.of(), Map.of(), List.of(), ActionPlan.Change.CHANGE,
                    true, "");
            assertThatThrownBy(() -> action.plan(context)).isInstanceOf(ClusterBenchException.class)
                    .hasMessageContaining("'dir'").hasMessageContaining("refused");
            assertThatThrownBy(() -> action.apply(context, plan)).isInstanceOf(ClusterBenchException.class)
                    .hasMessageContaining("'dir'").hasMessageContaining("nothing was sent");
        }
        assertThat(config("dir")).isEqualTo(dirBefore);
        assertThat(config("slowlog-max-len")).isEqualTo("128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hz: 1000", "hz: 0", "timeout: \"abc\"", "maxmemory: 1.5mb"})
    void aBadValueIsKnownBeforehandSoThePreflightAppliesNothing(String badSetting) throws Exception {
        Applied applied = run.apply(
                "{ id: first, redis-config: cache, set: { slowlog-max-len: 777 } }",
                "{ id: second, redis-config: cache, set: { " + badSetting + " } }");

        assertThat(config("slowlog-max-len")).as("the valid first action was never sent").isEqualTo("128");
        assertThat(config("hz")).isEqualTo("10");
        assertThat(config("timeout")).isEqualTo("0");
        assertThat(applied.outcome("second").status()).isEqualTo(ChangeStatus.NOT_STARTED);
        assertThat(applied.outcome("second").knownToFail()).contains(badSetting.split(":")[0]);
        assertThat(applied.outcome("second").refusedByPreflight()).isTrue();
        assertThat(applied.outcome("first").status()).isEqualTo(ChangeStatus.NOT_STARTED);
        assertThat(applied.outcome("first").message()).contains("action 'second' would fail", "nothing was applied");
        assertThat(applied.steps("first")).containsExactly("not-started");
        assertThat(applied.steps("second")).containsExactly("not-started");
    }

    @Test
    void aValueTheServerRefusesAtConfigSetFailsAndRollsBackTheEarlierAction() throws Exception {
        // The checks allow maxclients up to 2^32-1; the server refuses it above its file limit, which only CONFIG SET
        // finds out: the path the preflight cannot predict, so apply, fail, roll back.
        String refused = RedisRefusals.maxclientsAboveFileLimit(redis.pid());
        Applied applied = run.apply(
                "{ id: first, redis-config: cache, set: { slowlog-max-len: 777 } }",
                "{ id: second, redis-config: cache, set: { maxclients: " + refused + " } }");

        assertThat(config("slowlog-max-len")).isEqualTo("128");
        assertThat(config("maxclients")).isNotEqualTo(refused);
        assertThat(applied.outcome("second").status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(applied.outcome("second").knownToFail()).isEmpty();
        assertThat(applied.outcome("second").message()).contains("CONFIG SET", "maxclients");
        assertThat(applied.outcome("first").status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(applied.outcome("first").after()).containsEntry("slowlog-max-len", "128");
        assertThat(applied.steps("first")).containsExactly("applying", "applied", "rolling-back", "rolled-back");
    }

    @Test
    void reportsASecondApplyOfTheSameValuesAsUnchangedWithoutSendingThem() throws Exception {
        String action = "{ redis-config: cache, set: { maxmemory: 100mb, maxmemory-policy: ALLKEYS-LRU, hz: 20 } }";
        assertThat(run.apply(action).outcome("redis-config:cache").status()).isEqualTo(ChangeStatus.APPLIED);

        Applied second = run.apply(action);

        assertThat(second.outcome("redis-config:cache").status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(second.steps("redis-config:cache")).containsExactly("unchanged");
        assertThat(run.tuning().plan(run.spec(action), TuningListener.SILENT))
                .singleElement().extracting(ChangeOutcome::status).isEqualTo(ChangeStatus.UNCHANGED);
    }

    @Test
    void changesSeveralParametersOfOneActionTogether() throws Exception {
        Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 512, hz: 25, timeout: 60 } }");

        assertThat(applied.outcome("redis-config:cache").after())
                .containsExactlyInAnyOrderEntriesOf(Map.of("slowlog-max-len", "512", "hz", "25", "timeout", "60"));
        assertThat(config("slowlog-max-len")).isEqualTo("512");
        assertThat(config("hz")).isEqualTo("25");
        assertThat(config("timeout")).isEqualTo("60");
    }

    @Test
    void changesNoParameterOfAnActionWithOneInvalidValue() throws Exception {
        Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 512, hz: 501 } }");

        assertThat(applied.outcome("redis-config:cache").status()).isEqualTo(ChangeStatus.NOT_STARTED);
        assertThat(applied.outcome("redis-config:cache").knownToFail())
                .contains("hz must be a whole number from 1 to 500");
        assertThat(config("slowlog-max-len")).isEqualTo("128");
        assertThat(config("hz")).isEqualTo("10");
    }

    @Test
    void persistRewritesTheServersConfigFile() throws Exception {
        Applied applied = run.apply("{ redis-config: cache, set: { slowlog-max-len: 4321 }, persist: true }");

        assertThat(applied.outcome("redis-config:cache").status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(applied.outcome("redis-config:cache").message()).contains("CONFIG REWRITE");
        assertThat(Files.readString(redis.configFile())).contains("slowlog-max-len 4321");
    }

    private String config(String name) {
        try (Jedis jedis = RedisTuningRun.jedis(redis.port())) {
            return jedis.configGet(name).get(name);
        }
    }

    private Map<String, String> allConfig() {
        try (Jedis jedis = RedisTuningRun.jedis(redis.port())) {
            return jedis.configGet("*");
        }
    }
}
