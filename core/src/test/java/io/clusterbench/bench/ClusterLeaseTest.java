package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** The lease on a cluster, against a real Redis: exclusive, named, waited for, and self-expiring. */
@ExtendWith(RealServers.class)
class ClusterLeaseTest {

    private static ClusterSpec spec(LocalRedis redis, String cluster, String settings) throws Exception {
        return SpecLoader.load("cluster.yaml", """
                cluster: %s
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  load: { service: cache, requests: 10 }
                settings: { %s }
                """.formatted(cluster, redis.port(), settings)).spec();
    }

    @Test
    void aSecondRunIsRefusedWithTheHolderNamedAndGetsTheLeaseOnceTheFirstEnds(LocalRedis redis) throws Exception {
        ClusterSpec spec = spec(redis, "lease-a", "maxParallelProbes: 1");
        try (ClusterLease first = ClusterLease.take(spec, SecretResolver.system(), "run", Clock.systemUTC(),
                () -> false)) {
            assertThat(first.held()).isTrue();
            assertThatThrownBy(() -> ClusterLease.take(spec, SecretResolver.system(), "tune", Clock.systemUTC(),
                    () -> false))
                    .isInstanceOf(ClusterBenchException.class)
                    .satisfies(e -> assertThat(((ClusterBenchException) e).kind())
                            .isEqualTo(ClusterBenchException.Kind.BUSY))
                    .hasMessageContaining("cluster 'lease-a' is leased by another run (command=run; host=")
                    .hasMessageContaining("pid=" + ProcessHandle.current().pid())
                    .hasMessageContaining("since=")
                    .hasMessageContaining("settings.leaseWait");
        }
        try (ClusterLease again = ClusterLease.take(spec, SecretResolver.system(), "tune", Clock.systemUTC(),
                () -> false)) {
            assertThat(again.held()).isTrue();
        }
    }

    @Test
    void aCrashedHoldersLeaseExpiresAndAWaitingRunTakesIt(LocalRedis redis) throws Exception {
        ClusterSpec spec = spec(redis, "lease-b", "leaseWait: 10s");
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            // A holder that died: its key stays until the expiry it last set.
            jedis.set("clusterbench:lease:lease-b", "command=run; host=gone; pid=1; since=then",
                    SetParams.setParams().px(800));
            long start = System.nanoTime();
            try (ClusterLease lease = ClusterLease.take(spec, SecretResolver.system(), "run", Clock.systemUTC(),
                    () -> false)) {
                assertThat(lease.held()).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 9000L);
                assertThat(jedis.get("clusterbench:lease:lease-b")).isEqualTo(lease.holder());
                assertThat(jedis.pttl("clusterbench:lease:lease-b")).isPositive();
            }
            assertThat(jedis.exists("clusterbench:lease:lease-b")).as("released on close").isFalse();
        }
    }

    @Test
    void aWaitingRunTakesTheLeaseWhenTheHolderEnds(LocalRedis redis) throws Exception {
        ClusterSpec spec = spec(redis, "lease-c", "leaseWait: 20s");
        ClusterLease first = ClusterLease.take(spec, SecretResolver.system(), "run", Clock.systemUTC(), () -> false);
        CompletableFuture<ClusterLease> second = CompletableFuture.supplyAsync(() -> {
            try {
                return ClusterLease.take(spec, SecretResolver.system(), "benchmark", Clock.systemUTC(), () -> false);
            } catch (ClusterBenchException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(second).isNotDone();
        first.close();
        try (ClusterLease taken = second.get(15, TimeUnit.SECONDS)) {
            assertThat(taken.holder()).startsWith("command=benchmark");
        }
    }

    @Test
    void aLeaseOnAServiceThatIsNotRedisIsRefusedWhereItIsWritten() {
        assertThatThrownBy(() -> SpecLoader.load("c.yaml", """
                cluster: x
                services:
                  cache: { type: redis, address: 127.0.0.1, port: 6379 }
                  web: { type: http, url: "http://127.0.0.1:1/" }
                settings: { lease: web }
                """)).hasMessageContaining("c.yaml:5:20 settings.lease: must be 'none' or the id of a redis service,"
                + " which holds the lease, got 'web' (redis services: cache)");
    }

    @Test
    void leaseNoneTakesNothing(LocalRedis redis) throws Exception {
        ClusterSpec spec = spec(redis, "lease-d", "lease: none");
        try (ClusterLease lease = ClusterLease.take(spec, SecretResolver.system(), "run", Clock.systemUTC(),
                () -> false); Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(lease.held()).isFalse();
            assertThat(jedis.exists("clusterbench:lease:lease-d")).isFalse();
        }
    }
}
