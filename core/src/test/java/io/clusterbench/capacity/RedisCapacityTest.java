package io.clusterbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalRedis;
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
