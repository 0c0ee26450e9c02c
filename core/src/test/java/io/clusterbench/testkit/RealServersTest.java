package io.clusterbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RealServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealServersTest {

    private static final AtomicReference<LocalRedis> FIRST_SEEN = new AtomicReference<>();

    private final LocalRedis fromConstructor;

    RealServersTest(LocalRedis fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    @Test
    @Order(1)
    void injectsARunningServerInATemporaryFolder(LocalRedis redis) {
        FIRST_SEEN.set(redis);

        assertThat(redis.isAlive()).isTrue();
        assertThat(Files.isDirectory(redis.workDir())).isTrue();
        assertThat(redis.workDir().getFileName().toString()).startsWith("clusterbench-LocalRedis-");
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    @Order(2)
    void sharesOneServerPerClassAcrossMethodsAndConstructor(LocalRedis redis) {
        assertThat(redis).isSameAs(FIRST_SEEN.get()).isSameAs(fromConstructor);
    }

    @AfterAll
    static void serverStillRunsUntilTheClassIsDone() {
        // The store closes after @AfterAll; stopping earlier would break class-level teardown that uses the server.
        assertThat(FIRST_SEEN.get().isAlive()).isTrue();
    }
}
