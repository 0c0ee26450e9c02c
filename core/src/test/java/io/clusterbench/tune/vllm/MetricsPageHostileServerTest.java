package io.clusterbench.tune.vllm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.testkit.HostileHttpFixture;
import io.clusterbench.testkit.HostileHttpFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vllm-gpu-memory check's read of {@code /metrics} against hostile servers: a page that trickles, never ends or is
 * huge fails the read with a clear message within its deadline and in bounded memory (it used to read the whole body,
 * for as long as the server kept sending).
 */
class MetricsPageHostileServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void readsThePageWithinItsDeadlineAndCapWhateverTheServerSends(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("text/plain").hostile("/metrics", hostility)) {
            URI url = URI.create(server.url() + "/metrics");
            HostileRuns.Measured<String> read = HostileRuns.measure("metrics-page-" + hostility,
                    () -> MetricsPage.get(url, Optional.empty(), "openai service 'llm'", TIMEOUT))
                    .boundedBy(TIMEOUT.plusSeconds(1));
            switch (hostility) {
                // A deeply nested body is still a page (without vLLM's metrics, which the action then says).
                case DEEP_NESTING -> assertThat(read.value()).isNotNull();
                case TRICKLE, SLOW_HEADERS -> assertThat(read.failure()).isInstanceOf(ClusterBenchException.class)
                        .hasMessageContaining("gave no whole answer within 2000 ms");
                case ENDLESS, HUGE_BODY, HUGE_LINE -> assertThat(read.failure())
                        .isInstanceOf(ClusterBenchException.class).hasMessageContaining("larger than 16 MiB");
                default -> assertThat(read.failure()).isInstanceOf(ClusterBenchException.class)
                        .hasMessageContaining("GET " + url);
            }
        }
    }
}
