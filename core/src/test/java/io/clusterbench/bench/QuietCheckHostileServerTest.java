package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.Disturbance;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.ssh.RunSshHosts;
import io.clusterbench.testkit.HostileHttpFixture;
import io.clusterbench.testkit.HostileRespFixture;
import io.clusterbench.testkit.HostileRuns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quiet-cluster check against hostile targets: a Redis reply or a {@code /metrics} page that trickles, never ends,
 * is huge or announces a huge length ends the check within the target's own timeout (2 s) and in bounded memory,
 * with nothing found (the probe that follows reports the target), instead of holding every round for the check's
 * 15 s deadline or filling the memory.
 */
class QuietCheckHostileServerTest {
    /** Each target's timeout is 2 s; the check's own deadline (15 s) must never be what ends it. */
    private static final Duration BUDGET = Duration.ofSeconds(4);

    private static List<Disturbance> check(String yaml) throws Exception {
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml).spec();
        try (RunSshHosts ssh = new RunSshHosts(spec, SecretResolver.system())) {
            return QuietCheck.check(spec, List.copyOf(spec.probes().values()), SecretResolver.system(), ssh);
        }
    }

    @ParameterizedTest
    @EnumSource(HostileRespFixture.Hostility.class)
    void aHostileRedisEndsTheCheckWithinItsTimeoutAndFindsNothing(HostileRespFixture.Hostility hostility)
            throws Exception {
        try (HostileRespFixture server = new HostileRespFixture(hostility)) {
            HostileRuns.Measured<List<Disturbance>> found = HostileRuns.measure("quiet-check-redis-" + hostility,
                    () -> check("""
                            cluster: hostile
                            services:
                              cache: { type: redis, address: 127.0.0.1, port: %d }
                            probes:
                              cache-latency: { service: cache }
                            """.formatted(server.port()))).boundedBy(BUDGET);
            assertThat(found.failure()).isNull();
            assertThat(found.value()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = HostileHttpFixture.Hostility.class, names = "ENDLESS_COMMENTS",
            mode = EnumSource.Mode.EXCLUDE)
    void aHostileMetricsPageEndsTheCheckWithinItsTimeoutAndFindsNothing(HostileHttpFixture.Hostility hostility)
            throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("text/plain").hostile("/metrics", hostility)) {
            HostileRuns.Measured<List<Disturbance>> found = HostileRuns.measure("quiet-check-metrics-" + hostility,
                    () -> check("""
                            cluster: hostile
                            services:
                              llm: { type: openai, url: "%s/v1", model: m }
                            probes:
                              serving: { service: llm }
                            """.formatted(server.url()))).boundedBy(BUDGET);
            assertThat(found.failure()).isNull();
            assertThat(found.value()).isEmpty();
        }
    }
}
