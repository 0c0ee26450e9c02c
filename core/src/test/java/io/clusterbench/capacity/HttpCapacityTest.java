package io.clusterbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.PlantedLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search against the test kit's nginx with a planted request limit, and against a generator that cannot keep up. */
class HttpCapacityTest {

    static final int PLANTED = 100;

    @Test
    void findsThePlantedRequestLimitWithinTenPercent(@TempDir Path dir) throws Exception {
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"))) {
            PlantedLimits.limitRequests(nginx, PLANTED);

            RunResult result = CapacityRuns.benchmark(spec(nginx), dir.resolve("out"));

            ProbeMeasurement probe = CapacityRuns.probe(result, "lb-capacity");
            CapacityCurve curve = CapacityRuns.curve(result, "lb-capacity");
            assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.FOUND);
            assertThat(curve.passed()).as(curve.statement()).isCloseTo(PLANTED, within(PLANTED * 0.1));
            assertThat(curve.failed()).isGreaterThan(curve.passed());
            assertThat(CapacityRuns.metric(probe, "capacity_load")).contains(curve.passed());
            assertThat(CapacityRuns.metric(probe, "capacity_rps").orElseThrow()).isCloseTo(PLANTED,
                    within(PLANTED * 0.15));
            // Doubling from 20 reaches 160, which the planted limit fails with over a third of its requests refused.
            assertThat(curve.steps()).extracting(CapacityStep::load).startsWith(20.0, 40.0, 80.0, 160.0);
            assertThat(curve.steps().get(3).verdict()).isEqualTo(CapacityStep.FAIL);
            assertThat(curve.steps().get(3).metrics().get("error_pct")).isGreaterThan(20);
            assertThat(curve.statement()).contains("passed in all its 1 round").contains("failed (error_pct <= 2");
            // The curve survives result.json, which the schema accepts.
            Path file = dir.resolve("out").resolve(ResultFiles.RESULT_JSON);
            assertThat(CapacityRuns.curve(ResultFiles.read(file), "lb-capacity")).isEqualTo(curve);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(Path.of("..", "docs", "result.schema.json").toFile()))
                    .validate(new ObjectMapper().readTree(file.toFile()))).isEmpty();
        }
    }

    @Test
    void reportsAGeneratorLimitWhenTheTargetIsFarBeyondWhatThisMachineSends(@TempDir Path dir) throws Exception {
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"))) {
            RunResult result = CapacityRuns.benchmark("""
                    cluster: generator
                    services:
                      lb: { type: http, url: "%s/health" }
                    probes:
                      lb-capacity:
                        service: lb
                        rate: 200000
                        duration: 1s
                        warmup: 0s
                        timeout: 1s
                        capacity: rate
                        slo: ["error_pct <= 5"]
                        capacityBudget: 60s
                    """.formatted(nginx.url()), dir.resolve("out"));

            ProbeMeasurement probe = CapacityRuns.probe(result, "lb-capacity");
            CapacityCurve curve = CapacityRuns.curve(result, "lb-capacity");
            assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.GENERATOR_LIMIT);
            assertThat(curve.statement()).startsWith("generator limit, not the server's capacity: at 200000 req/s");
            // Measured twice before it is believed: a moment's hiccup of a busy machine is not a limit.
            assertThat(curve.steps()).extracting(CapacityStep::verdict)
                    .containsExactly(CapacityStep.GENERATOR_LIMIT, CapacityStep.GENERATOR_LIMIT);
            assertThat(curve.steps().get(1).metrics().get("sent_per_s")).isLessThan(0.9 * 200_000);
            assertThat(CapacityRuns.metric(probe, "capacity_rps")).isEmpty();
            assertThat(CapacityRuns.metric(probe, "generator_limit_load")).contains(200_000.0);
            assertThat(probe.errors()).anySatisfy(e -> assertThat(e.message()).contains("generator limit"));
        }
    }

    /** A search over the rate of an http probe of the planted {@code nginx}; also run by bench/capacity.sh. */
    static String spec(LocalNginxBalancer nginx) {
        return """
                cluster: planted
                services:
                  lb: { type: http, url: "%s/health" }
                probes:
                  lb-capacity:
                    service: lb
                    rate: 20
                    duration: 1s
                    warmup: 500ms
                    capacity: rate
                    slo: ["error_pct <= 2", "p99_ms <= 100"]
                    capacityPrecision: 5
                    capacityBudget: 40s
                """.formatted(nginx.url());
    }
}
