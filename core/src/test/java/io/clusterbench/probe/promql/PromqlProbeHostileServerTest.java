package io.clusterbench.probe.promql;

import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.spec.ProbeKind;
import io.clusterbench.testkit.HostileHttpFixture;
import io.clusterbench.testkit.HostileHttpFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The promql probe against a hostile Prometheus API: each query ends within the query timeout (1 s here instead of
 * the default 30 s, so that the suite stays short), in bounded memory, FAILED with a clear error.
 */
class PromqlProbeHostileServerTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void aHostileAnswerFailsTheQueryWithinTheQueryTimeout(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json")
                .hostile("/api/v1/query", hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(
                    ProbeRegistry.of(Map.of(ProbeKind.PROMQL, new PromqlProbe(Duration.ofSeconds(1)))), """
                    cluster: hostile
                    services:
                      metrics: { type: prometheus, url: "%s" }
                    probes:
                      gpu: { service: metrics, query: up }
                    """.formatted(server.url()), dir.resolve("promql-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET);
            switch (hostility) {
                case TRICKLE -> outcome.says("no whole answer within 1.0 s (the body did not end in time");
                case SLOW_HEADERS -> outcome.says("no whole answer within 1.0 s (no response headers");
                case HUGE_BODY, HUGE_LINE -> outcome.says("answer larger than 16 MiB");
                // An endless body reaches the cap or the deadline first, depending on how fast it comes.
                case ENDLESS -> outcome.saysOneOf("answer larger than 16 MiB", "did not end in time");
                default -> outcome.says("Prometheus");
            }
        }
    }
}
