package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.bench.ClusterLease;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** A tuning while another run holds the cluster's lease: refused with the holder named, nothing changed. */
@ExtendWith(RealServers.class)
class LeaseCommandTest {

    @Test
    void tuneStopsWithExitCode7NamingTheHolderAndChangesNothing(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: leased
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { redis-config: cache, set: { timeout: 300 } }
                """.formatted(redis.port()));
        try (ClusterLease other = ClusterLease.take(SpecLoader.load(spec).spec(), SecretResolver.system(), "run",
                Clock.systemUTC(), () -> false); Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.configSet("timeout", "0");

            CliRun run = CliRun.of("tune", spec.toString(), "--apply", "--out", dir.resolve("out").toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.BUSY);
            assertThat(run.err()).contains("cluster 'leased' is leased by another run (command=run; host=")
                    .doesNotContain("Exception");
            assertThat(jedis.configGet("timeout")).containsEntry("timeout", "0");
        }
    }
}
