package io.clusterbench.probe.openai;

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
 * The openai probe against hostile servers: its streams (SSE) and its checks ({@code /v1/models}) end within the
 * probe's timeout and a small margin, in bounded memory, FAILED with a clear error, and result.json is written.
 */
class OpenAiProbeHostileServerTest {
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}";
    /** timeout 1 s; a stream is closed within 1.2 x its idle limit, plus the runner's own work. */
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Hostility.class)
    void aHostileStreamFailsItsRequestsWithinTheTimeout(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("text/event-stream")
                .canned("/health", "{}").canned("/v1/models", MODELS).hostile("/v1/completions", hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(ProbeRegistry.standard(), spec(server),
                    dir.resolve("openai-stream-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET);
            switch (hostility) {
                case TRICKLE, ENDLESS_COMMENTS -> outcome.says("stalled: no event for 1000 ms");
                case ENDLESS -> outcome.says("more than 68 events");
                case HUGE_LINE -> outcome.says("larger than 1 MiB");
                case SLOW_HEADERS -> outcome.says("no response headers");
                case DEEP_NESTING -> outcome.says("not JSON");
                default -> outcome.says("POST");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Hostility.class, names = "ENDLESS_COMMENTS", mode = EnumSource.Mode.EXCLUDE)
    void aHostileModelListFailsTheCheckWithinTheTimeout(Hostility hostility) throws Exception {
        try (HostileHttpFixture server = new HostileHttpFixture("application/json")
                .canned("/health", "{}").hostile("/v1/models", hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(ProbeRegistry.standard(), spec(server),
                    dir.resolve("openai-models-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET);
            switch (hostility) {
                case TRICKLE -> outcome.says("no whole answer within 1000 ms (the body did not end in time");
                case SLOW_HEADERS -> outcome.says("no whole answer within 1000 ms (no response headers");
                case HUGE_BODY, HUGE_LINE -> outcome.says("answer larger than 16 MiB");
                // An endless body reaches the cap or the deadline first, depending on how fast it comes.
                case ENDLESS -> outcome.saysOneOf("answer larger than 16 MiB", "did not end in time");
                case DEEP_NESTING -> outcome.says("did not answer JSON");
                default -> outcome.says("/v1/models");
            }
        }
    }

    private static String spec(HostileHttpFixture server) {
        return """
                cluster: hostile
                services:
                  llm: { type: openai, url: "%s", model: m }
                probes:
                  serving: { service: llm, requests: 2, maxTokens: 2, warmupRequests: 0, timeout: 1s }
                """.formatted(server.url());
    }
}
