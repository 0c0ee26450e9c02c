package io.clusterbench.probe.chroma;

import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.testkit.HostileHttpFixture;
import io.clusterbench.testkit.HostileHttpFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chroma probe against a hostile heartbeat: it ends within its timeout, in bounded memory, FAILED and clear. */
class ChromaProbeHostileServerTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void aHostileHeartbeatFailsTheProbeWithinItsTimeout(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json")
                .hostile("/api/v2/heartbeat", hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(ProbeRegistry.standard(), """
                    cluster: hostile
                    services:
                      vectors: { type: chroma, url: "%s" }
                    probes:
                      vector-query: { service: vectors, timeout: 1s, warmup: 0s }
                    """.formatted(server.url()), dir.resolve("chroma-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET);
            switch (hostility) {
                case TRICKLE, SLOW_HEADERS -> outcome.says("no whole answer within 1000 ms");
                case HUGE_BODY, HUGE_LINE -> outcome.says("answer larger than 16 MiB");
                // An endless body reaches the cap or the deadline first, depending on how fast it comes.
                case ENDLESS -> outcome.saysOneOf("answer larger than 16 MiB", "did not end in time");
                case DEEP_NESTING -> outcome.says("without \"nanosecond heartbeat\"");
                default -> outcome.says("/api/v2/heartbeat");
            }
        }
    }
}
