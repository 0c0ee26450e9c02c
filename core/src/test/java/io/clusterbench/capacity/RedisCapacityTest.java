package io.clusterbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.PlantedLimits;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search over a redis probe's open-model rate, against a real redis-server with a planted limit. */
class RedisCapacityTest {

    static final int PLANTED = 200;
    /** Calls the bucket absorbs: a stall of 100 ms of the generator at the limit, as nginx's burst in http's. */
    static final int BURST = 20;

    @Test
    void findsThePlantedCallLimitWithinTenPercent(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir.resolve("redis"))) {
            PlantedLimits.limitRedisCalls(redis, PLANTED, BURST);

            RunResult result = CapacityRuns.benchmark(spec(redis, 25), dir.resolve("out"));

            ProbeMeasurement probe = CapacityRuns.probe(result, "cache-capacity");
            CapacityCurve curve = CapacityRuns.curve(result, "cache-capacity");
            assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.FOUND);
            assertThat(curve.knob()).isEqualTo("rate");
            assertThat(curve.passed()).as(curve.statement()).isCloseTo(PLANTED, within(PLANTED * 0.1));
            assertThat(curve.failed()).isGreaterThan(curve.passed());
            // The capacity metric is the ops/s answered at the highest rate that passed.
            assertThat(CapacityRuns.metric(probe, "capacity_ops_per_s").orElseThrow()).isCloseTo(PLANTED,
                    within(PLANTED * 0.15));
            assertThat(curve.steps()).extracting(CapacityStep::load).startsWith(25.0, 50.0, 100.0);
            // Every step above the limit failed on the refused calls, not on anything the generator did.
            assertThat(curve.steps()).filteredOn(step -> step.load() > PLANTED * 1.1)
                    .isNotEmpty()
                    .allSatisfy(step -> {
                        assertThat(step.verdict()).isEqualTo(CapacityStep.FAIL);
                        assertThat(step.failed()).anySatisfy(why -> assertThat(why).startsWith("errors <= 2"));
                        assertThat(step.metrics().get("errors")).isGreaterThan(2);
                    });
            assertThat(curve.statement()).startsWith("capacity ").contains("ops/s (rate)");
        }
    }

    @Test
    void aRateFarBeyondWhatOneClientCarriesIsAGeneratorLimitNotTheServersCapacity(@TempDir Path dir)
            throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir.resolve("redis"))) {
            // One connection, one command in flight, answered in well under a millisecond by an idle server: some
            // 10^3 to 10^4 ops/s, far below 50000. The sends queue behind the one connection and time out unsent,
            // which without Little's law failed the step as if the server had reached its capacity.
            String spec = """
                    cluster: local
                    services:
                      cache: { type: redis, address: 127.0.0.1, port: %d }
                    probes:
                      cache-capacity:
                        service: cache
                        clients: 1
                        rate: 50000
                        duration: 1s
                        warmup: 0s
                        capacity: rate
                        slo: ["errors <= 2", "p99_ms <= 100"]
                        capacityBudget: 60s
                    """.formatted(redis.port());

            RunResult result = CapacityRuns.benchmark(spec, dir.resolve("out"));

            CapacityCurve curve = CapacityRuns.curve(result, "cache-capacity");
            assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.GENERATOR_LIMIT);
            assertThat(curve.passed()).isNull();
            assertThat(curve.failed()).as("never the server's capacity").isNull();
            assertThat(curve.steps()).extracting(CapacityStep::load).containsExactly(50000.0, 50000.0);
            assertThat(curve.steps()).allSatisfy(step -> {
                assertThat(step.verdict()).isEqualTo(CapacityStep.GENERATOR_LIMIT);
                assertThat(step.metrics().get("clients_max_per_s")).isLessThan(0.9 * 50000);
                assertThat(step.metrics().get("service.p99_ms")).isLessThanOrEqualTo(100);
            });
            assertThat(curve.statement()).startsWith("generator limit, not the server's capacity: at 50000 ops/s"
                    + " (rate) the clients could not carry the load (1 clients x 1 in flight / ")
                    .containsPattern("ms = at most [0-9.]+k? ops/s\\); raise clients$");
            ProbeMeasurement probe = CapacityRuns.probe(result, "cache-capacity");
            assertThat(CapacityRuns.metric(probe, "generator_limit_load")).hasValue(50000.0);
            assertThat(CapacityRuns.metric(probe, "capacity_ops_per_s")).isEmpty();
        }
    }

    /** A search over the rate of a redis probe calling the planted function; also run by bench/capacity.sh. */
    static String spec(LocalRedis redis, double firstRate) {
        return """
                cluster: planted
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache-capacity:
                    service: cache
                    commands: [fcall]
                    function: %s
                    clients: 4
                    rate: %s
                    duration: 1s
                    warmup: 500ms
                    capacity: rate
                    slo: ["errors <= 2", "p99_ms <= 100"]
                    capacityPrecision: 5
                    capacityBudget: 60s
                """.formatted(redis.port(), PlantedLimits.REDIS_FUNCTION, firstRate);
    }
}
