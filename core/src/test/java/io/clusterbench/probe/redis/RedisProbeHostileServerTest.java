package io.clusterbench.probe.redis;

import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.testkit.HostileRespFixture;
import io.clusterbench.testkit.HostileRespFixture.Hostility;
import io.clusterbench.testkit.HostileRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The redis probe against a hostile server: a reply of 200,000 nested arrays (a StackOverflowError inside Jedis'
 * recursive reader, which used to end the whole run with exit 70 and no result.json), a trickle, a frame that is not
 * RESP, a reset mid-reply, a bulk string or array announced 2,000,000,000 long (which Jedis would allocate before
 * reading a byte of it) and a reply of 1 GB each fail this probe only, within the client's timeout and in bounded
 * memory, and result.json is written.
 */
class RedisProbeHostileServerTest {
    /** The client's timeout is {@value RedisSettings#TIMEOUT_MILLIS} ms; one wait for it and a margin. */
    private static final Duration BUDGET = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Hostility.class)
    void aHostileServerFailsTheProbeAndTheRunStillWritesItsResult(Hostility hostility) throws Exception {
        try (HostileRespFixture server = new HostileRespFixture(hostility)) {
            HostileRuns.Outcome outcome = HostileRuns.run(ProbeRegistry.standard(), """
                    cluster: hostile
                    services:
                      cache: { type: redis, address: 127.0.0.1, port: %d }
                    probes:
                      cache-latency: { service: cache, clients: 2, duration: 1s, warmup: 0s }
                    """.formatted(server.port()), dir.resolve("redis-" + hostility.name().toLowerCase(Locale.ROOT)))
                    .endedWithin(BUDGET);
            switch (hostility) {
                case DEEP_NESTING -> outcome.says("nests arrays too deeply to read");
                // The reply's own deadline (the client's timeout from its first byte) or the checks' deadline.
                case TRICKLE -> outcome.saysOneOf("did not end within 2000 ms of its first byte",
                        "did not end within 4000 ms");
                case HUGE_BULK -> outcome.says("announced 2000000000 bytes, more than the cap of 16 MiB");
                case HUGE_ARRAY -> outcome.says("announced 2000000000 elements in its arrays, more than the cap"
                        + " of 1048576 elements");
                case HUGE_REPLY -> outcome.says("a Redis reply larger than 16 MiB");
                default -> outcome.says("127.0.0.1:" + server.port());
            }
        }
    }
}
