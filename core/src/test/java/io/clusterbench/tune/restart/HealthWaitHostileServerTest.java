package io.clusterbench.tune.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.testkit.HostileHttpFixture;
import io.clusterbench.testkit.HostileHttpFixture.Hostility;
import io.clusterbench.testkit.HostileRespFixture;
import io.clusterbench.testkit.HostileRuns;
import java.util.Optional;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * restart's health wait against hostile servers: it reads only the status, so a body that trickles, never ends or is
 * huge neither holds the wait nor fills the memory; headers that never end or a malformed answer make each attempt
 * fail, and the wait ends at its deadline plus at most one attempt's floor. The same for a Redis PING against a
 * server whose replies are hostile (announced 2,000,000,000 long, 1 GB, trickled, nested, malformed, reset).
 */
class HealthWaitHostileServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void endsByItsDeadlineInBoundedMemoryWhateverTheServerSends(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json").hostile("/health", hostility)) {
            URI url = URI.create(server.url() + "/health");
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")).toList();
            System.gc();
            long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);

            HealthWait.Result result = HealthWait.until(
                    new HttpHealthCheck(url, status -> status == 200, "200", Map.of()), DEADLINE);

            long growth = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;
            System.out.printf("hostile case: health-%s in %d ms, old generation +%d MiB: %s%n", hostility,
                    result.elapsed().toMillis(), Math.max(0, growth) / (1024 * 1024), result.last().detail());
            assertThat(result.elapsed()).isLessThan(DEADLINE.plusSeconds(1));
            assertThat(growth).isLessThan(HostileRuns.HEAP_BUDGET_BYTES);
            switch (hostility) {
                case SLOW_HEADERS -> assertThat(result.last().detail()).contains("no answer within");
                case MALFORMED -> assertThat(result.healthy()).isFalse();
                case RESET_MID_BODY -> assertThat(result.last().detail()).contains("GET " + url);
                default -> assertThat(result.healthy()).as(result.last().detail()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HostileRespFixture.Hostility.class)
    void aRedisPingEndsByItsDeadlineInBoundedMemoryWhateverTheServerSends(HostileRespFixture.Hostility hostility)
            throws Exception {
        try (HostileRespFixture server = new HostileRespFixture(hostility)) {
            HostileRuns.Measured<HealthWait.Result> waited = HostileRuns.measure("health-redis-" + hostility,
                    () -> HealthWait.until(new RedisHealthCheck("127.0.0.1", server.port(), Optional.empty(),
                            Optional.empty()), DEADLINE)).boundedBy(DEADLINE.plusSeconds(3));
            assertThat(waited.failure()).isNull();
            assertThat(waited.value().healthy()).isFalse();
            switch (hostility) {
                case HUGE_BULK -> assertThat(waited.value().last().detail()).contains("announced 2000000000 bytes");
                case HUGE_ARRAY -> assertThat(waited.value().last().detail()).contains("announced 2000000000 elements");
                case HUGE_REPLY -> assertThat(waited.value().last().detail()).contains("larger than 1 MiB");
                default -> assertThat(waited.value().last().detail()).contains("PING to 127.0.0.1:" + server.port());
            }
        }
    }
}
