package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.testkit.HostileRespFixture;
import io.clusterbench.testkit.HostileRespFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The redis-config action's admin connection (connect, CONFIG GET) against a hostile server: a reply announced
 * 2,000,000,000 long, a reply of 1 GB, 200,000 nested arrays, a trickle, a frame that is not RESP and a reset each fail with a message that
 * names the server, within the client's timeout (5 s) and in bounded memory.
 */
class RedisAdminHostileServerTest {
    private static final Duration BUDGET = Duration.ofMillis(RedisAdmin.TIMEOUT_MILLIS).plusSeconds(2);

    @ParameterizedTest
    @EnumSource(Hostility.class)
    void aHostileServerFailsTheReadWithinTheTimeoutInBoundedMemory(Hostility hostility) throws Exception {
        try (HostileRespFixture server = new HostileRespFixture(hostility)) {
            RedisServer target = new RedisServer("cache", "127.0.0.1", server.port(), Optional.empty(),
                    Optional.empty());
            HostileRuns.Measured<Map<String, String>> read = HostileRuns.measure("redis-admin-" + hostility, () -> {
                try (RedisAdmin admin = RedisAdmin.open(target, SecretResolver.system())) {
                    return admin.get(List.of("timeout"));
                }
            }).boundedBy(BUDGET);
            assertThat(read.failure()).isInstanceOf(ClusterBenchException.class);
            String message = read.failure().getMessage();
            assertThat(message).contains("127.0.0.1:" + server.port());
            switch (hostility) {
                case HUGE_BULK -> assertThat(message).contains("announced 2000000000 bytes, more than the cap");
                case HUGE_ARRAY -> assertThat(message).contains("announced 2000000000 elements");
                case HUGE_REPLY -> assertThat(message).contains("a Redis reply larger than 16 MiB");
                case DEEP_NESTING -> assertThat(message).contains("nests arrays too deeply");
                case TRICKLE -> assertThat(message).contains("did not end within 5000 ms of its first byte");
                default -> assertThat(message).isNotBlank();
            }
        }
    }
}
