package io.clusterbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.probe.openai.OpenAiFixture;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goodput capacity search of an openai probe against OpenAiFixture with a planted decode capacity. */
class OpenAiCapacityTest {

    private static final int SLOTS = 4;
    private static final int TOKENS = 8;
    private static final long MILLIS_PER_TOKEN = 25;
    /**
     * Each slot holds a request for 8 tokens x 25 ms = 200 ms: 4 slots serve 20 requests a second. Slow enough that
     * a busy machine's scheduling delays (tens of ms) stay inside the 125 ms the TTFT limit leaves past the first
     * token's 25 ms; 5% above the planted rate, 80 requests queue up to 80 x (1/20 - 1/21) s = 190 ms, failing a
     * third of them.
     */
    private static final double PLANTED_RPS = SLOTS * 1000.0 / (TOKENS * MILLIS_PER_TOKEN);

    @Test
    void findsThePlantedGoodputCapacityWithinTenPercent(@TempDir Path dir) throws Exception {
        try (OpenAiFixture llm = OpenAiFixture.start().plantedSlots(SLOTS, TOKENS, MILLIS_PER_TOKEN)) {
            // Nearly even arrivals (burstiness 1000: gaps within about 3% of 1/rate), so that below the planted rate
            // no request waits for a slot and above it the queue grows with every request: the true capacity is
            // then the planted one. Poisson arrivals would queue below it too, a real but uncomputable loss.
            RunResult result = CapacityRuns.benchmark("""
                    cluster: planted-llm
                    services:
                      llm: { type: openai, url: "%s" }
                    probes:
                      llm-capacity:
                        service: llm
                        requestRate: 16
                        burstiness: 1000
                        requests: 80
                        promptTokens: 8
                        maxTokens: %d
                        warmupRequests: 8
                        goodput: { ttft_ms: 150, tpot_ms: 75 }
                        capacity: requestRate
                        slo: ["good_pct >= 90"]
                        capacityPrecision: 5
                        capacityBudget: 40s
                    """.formatted(llm.url(), TOKENS), dir.resolve("out"));

            ProbeMeasurement probe = CapacityRuns.probe(result, "llm-capacity");
            CapacityCurve curve = CapacityRuns.curve(result, "llm-capacity");
            String steps = curve.statement() + " " + curve.steps();
            assertThat(curve.outcome()).as(steps).isEqualTo(CapacityCurve.FOUND);
            // The found rate is goodput as DistServe defines it (the highest request rate whose SLO attainment meets
            // the target), the number the planted server gives.
            assertThat(curve.passed()).as(steps).isCloseTo(PLANTED_RPS, within(PLANTED_RPS * 0.1));
            assertThat(CapacityRuns.metric(probe, "capacity_load")).contains(curve.passed());
            // vLLM's request_goodput at that rate, in requests and in their tokens: good requests over the run's
            // duration, which includes the last request's 200 ms and up to 10% of requests may miss a limit there.
            assertThat(CapacityRuns.metric(probe, "capacity_rps").orElseThrow()).as(steps)
                    .isCloseTo(PLANTED_RPS, within(PLANTED_RPS * 0.2));
            assertThat(CapacityRuns.metric(probe, "capacity_tokens_per_s").orElseThrow()).as(steps)
                    .isCloseTo(PLANTED_RPS * TOKENS, within(PLANTED_RPS * TOKENS * 0.2));
            // Doubling from 16 overloads the planted server at 32 req/s, where the queue pushes most TTFTs past 150 ms.
            assertThat(curve.steps()).extracting(CapacityStep::load).startsWith(16.0, 32.0);
            assertThat(curve.steps().get(1).verdict()).isEqualTo(CapacityStep.FAIL);
            assertThat(curve.steps().get(1).metrics().get("good_pct")).isLessThan(50);
            assertThat(curve.statement()).contains("failed (good_pct >= 90");
        }
    }
}
