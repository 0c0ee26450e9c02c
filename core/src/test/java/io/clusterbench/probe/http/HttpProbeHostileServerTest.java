package io.clusterbench.probe.http;

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

/**
 * The http probe against hostile servers: it ends within its duration plus its timeout and the load's grace, with
 * bodies skipped rather than held, and FAILED or PARTIAL where no answer was whole. A huge or deeply nested body that
 * arrives whole in time is a good answer to this probe, which never parses bodies.
 */
class HttpProbeHostileServerTest {
    /** duration 1 s + timeout 1 s + the load's grace (timeout + 1 s) + a margin for a slow machine. */
    private static final Duration BUDGET = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void endsWithinDurationPlusTimeoutWhateverTheServerSends(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json").hostile("/", hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(ProbeRegistry.standard(), """
                    cluster: hostile
                    services:
                      web: { type: http, url: "%s/answer" }
                    probes:
                      load: { service: web, concurrency: 2, duration: 1s, warmup: 0s, timeout: 1s }
                    """.formatted(server.url()), dir.resolve("http-" + hostility.name().toLowerCase(Locale.ROOT)));
            switch (hostility) {
                case TRICKLE, ENDLESS, SLOW_HEADERS -> outcome.endedWithin(BUDGET).says("timeout");
                case MALFORMED -> outcome.endedWithin(BUDGET).says("status line");
                case RESET_MID_BODY -> outcome.endedWithin(BUDGET);
                default -> outcome.boundedBy(BUDGET);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = {"TRICKLE", "SLOW_HEADERS"})
    void anOpenLoadAtTheHighestRateEndsWithinDurationPlusTimeout(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json").hostile("/", hostility)) {
            HostileRuns.run(ProbeRegistry.standard(), """
                    cluster: hostile
                    services:
                      web: { type: http, url: "%s/answer" }
                    probes:
                      load: { service: web, rate: 1000000, duration: 1s, warmup: 0s, timeout: 1s }
                    """.formatted(server.url()), dir.resolve("http-rate-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET).says("timeout");
        }
    }
}
