package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.HostileRespFixture;
import io.clusterbench.testkit.HostileRespFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cluster lease against a hostile lease service: whatever its replies (announced 2,000,000,000 long, 1 GB,
 * trickled, nested 200,000 levels, malformed, reset), taking the lease ends within the client's timeout (3 s) in
 * bounded memory, and the run goes on without a lease, with a note that says why.
 */
class ClusterLeaseHostileServerTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(Hostility.class)
    void aHostileLeaseServiceLeavesTheRunUnleasedWithAReason(Hostility hostility) throws Exception {
        try (HostileRespFixture server = new HostileRespFixture(hostility)) {
            ClusterSpec spec = SpecLoader.load("cluster.yaml", """
                    cluster: hostile
                    services:
                      cache: { type: redis, address: 127.0.0.1, port: %d }
                    probes:
                      load: { service: cache, requests: 10 }
                    """.formatted(server.port())).spec();
            HostileRuns.Measured<ClusterLease> taken = HostileRuns.measure("lease-" + hostility,
                    () -> ClusterLease.take(spec, SecretResolver.system(), "run", Clock.systemUTC(), () -> false))
                    .boundedBy(BUDGET);
            assertThat(taken.failure()).isNull();
            try (ClusterLease lease = taken.value()) {
                assertThat(lease.held()).isFalse();
                assertThat(lease.note()).contains("redis service 'cache'").contains("running without a lease");
                switch (hostility) {
                    case HUGE_BULK -> assertThat(lease.note()).contains("announced 2000000000 bytes");
                    case HUGE_ARRAY -> assertThat(lease.note()).contains("announced 2000000000 elements");
                    case HUGE_REPLY -> assertThat(lease.note()).contains("a Redis reply larger than 1 MiB");
                    case TRICKLE -> assertThat(lease.note()).contains("did not end within 3000 ms of its first byte");
                    case DEEP_NESTING -> assertThat(lease.note()).contains("nests arrays too deeply");
                    default -> assertThat(lease.note()).isNotBlank();
                }
            }
        }
    }
}
