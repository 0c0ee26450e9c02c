package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.testkit.RealServers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** The admin connection's CONFIG SET paths against a real server, below the action's own value checks. */
@ExtendWith(RealServers.class)
class RedisAdminTest {

    private static final SecretResolver NO_SECRETS = new DefaultSecretResolver(Map.<String, String>of()::get);

    private final LocalRedis redis;

    RedisAdminTest(LocalRedis redis) {
        this.redis = redis;
    }

    @AfterEach
    void resetDefaults() {
        try (Jedis jedis = RedisTuningRun.jedis(redis.port())) {
            jedis.configSet(Map.of("slowlog-max-len", "128", "hz", "10", "timeout", "0"));
        }
    }

    @Test
    void changesNothingWhenTheServerRefusesOneParameterOfAnAtomicSet() throws Exception {
        try (RedisAdmin admin = open()) {
            assertThat(admin.setsAtomically()).as("redis_version " + admin.version()).isTrue();

            assertThatThrownBy(() -> admin.setAtomically(ordered("slowlog-max-len", "999", "hz", "abc")))
                    .isInstanceOf(ClusterBenchException.class)
                    .hasMessageContaining("'hz'").hasMessageContaining("couldn't be parsed into an integer")
                    .hasMessageContaining("redis service 'cache' at 127.0.0.1:" + redis.port());

            assertThat(admin.get(List.of("slowlog-max-len", "hz")))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("slowlog-max-len", "128", "hz", "10"));
        }
    }

    @Test
    void restoresTheParametersAlreadySetWhenOneFailsOneByOne() throws Exception {
        try (RedisAdmin admin = open()) {
            Map<String, String> previous = admin.get(List.of("slowlog-max-len", "timeout", "hz"));

            assertThatThrownBy(() -> admin.setOneByOne(
                    ordered("slowlog-max-len", "999", "timeout", "30", "hz", "abc"), previous))
                    .isInstanceOf(ClusterBenchException.class)
                    .hasMessageContaining("not atomically").hasMessageContaining("restored [slowlog-max-len, timeout]");

            assertThat(admin.get(List.of("slowlog-max-len", "timeout", "hz"))).isEqualTo(previous);
        }
    }

    @Test
    void namesAParameterTheServerDoesNotKnow() throws Exception {
        try (RedisAdmin admin = open()) {
            assertThatThrownBy(() -> admin.get(List.of("active-defrag-no-such-thing")))
                    .isInstanceOf(ClusterBenchException.class)
                    .hasMessageContaining("does not know the parameter 'active-defrag-no-such-thing'");
        }
    }

    @Test
    void saysWhereWhenNothingListens() {
        RedisServer nowhere = new RedisServer("cache", "127.0.0.1", 1, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> RedisAdmin.open(nowhere, NO_SECRETS).close())
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("cannot connect to redis service 'cache' at 127.0.0.1:1");
    }

    private RedisAdmin open() throws ClusterBenchException {
        return RedisAdmin.open(new RedisServer("cache", "127.0.0.1", redis.port(), Optional.empty(),
                Optional.empty()), NO_SECRETS);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
