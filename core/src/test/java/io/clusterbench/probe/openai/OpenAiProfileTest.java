package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.spec.LoadProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load profiles of the openai probe: steps and stairs of the request rate, and a continuous linear ramp. */
class OpenAiProfileTest extends OpenAiProbeRuns {

    @Test
    void sendsEachStepsRateForItsLengthAndReportsEachStep() throws Exception {
        ProbeMeasurement m = run("promptTokens: 4, maxTokens: 5, goodput: { ttft_ms: 5000 },"
                + " profile: { steps: [{ requestRate: 10, for: 1s }, { requestRate: 40, for: 1s }] }");

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(fixture.completionRequests()).isEqualTo(10 + 40);
        assertThat(metric(m, "completed")).isEqualTo(50);
        assertThat(metric(m, "step1.requestRate")).isEqualTo(10);
        assertThat(metric(m, "step1.completed")).isEqualTo(10);
        assertThat(metric(m, "step2.requestRate")).isEqualTo(40);
        assertThat(metric(m, "step2.completed")).isEqualTo(40);
        assertThat(metric(m, "step2.good_pct")).isEqualTo(100);
        // Each step's throughput is its own: 40 requests in about a second, against 10 in the first.
        assertThat(metric(m, "step2.request_throughput")).isGreaterThan(2.5 * metric(m, "step1.request_throughput"));
        assertThat(metric(m, "step1.s")).isCloseTo(1.0, within(0.5));
    }

    @Test
    void runsAContinuousRampEndToEnd() throws Exception {
        ProbeMeasurement m = run("promptTokens: 4, maxTokens: 3,"
                + " profile: { ramp: { from: 10, to: 30, over: 2s, continuous: true } }");

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        // (10 + 30) / 2 x 2 s = 40 requests, and no step metrics: a continuous ramp has no levels to report.
        assertThat(fixture.completionRequests()).isEqualTo(40);
        assertThat(m.metrics()).noneMatch(v -> v.name().startsWith("step"));
    }

    @Test
    void placesEachStepsArrivalsWithinItsOwnLength() {
        LoadProfile steps = new LoadProfile("requestRate", List.of(new LoadProfile.Level(5, Duration.ofSeconds(2)),
                new LoadProfile.Level(20, Duration.ofSeconds(1))), false);

        ArrivalPlan plan = ArrivalPlan.of(steps, 1, 3);

        assertThat(plan.levels()).containsExactly(new ArrivalPlan.Level(0, 10, 0, 5),
                new ArrivalPlan.Level(10, 20, 2, 20));
        assertThat(Arrays.stream(plan.offsets(), 0, 10).boxed()).allSatisfy(t -> assertThat(t).isBetween(0.0, 2.0));
        assertThat(Arrays.stream(plan.offsets(), 10, 30).boxed()).allSatisfy(t -> assertThat(t).isBetween(2.0, 3.0));
        assertThat(plan.offsets()[29]).isCloseTo(3.0, within(1e-9));
        assertThat(plan.offsets()).isSorted();
    }

    @Test
    void placesAContinuousRampsArrivalsOnItsIntegratedRate() {
        // 10 -> 50 req/s over 10 s: 300 requests, 100 of them in the first 5 s (10 x 5 + 40 x 25 / 20) and 48 in the
        // last second (300 - 252).
        LoadProfile ramp = LoadProfile.continuousRamp("requestRate", 10, 50, Duration.ofSeconds(10));

        double[] offsets = ArrivalPlan.of(ramp, 1000, 0).offsets();

        assertThat(offsets).hasSize(300).isSorted();
        assertThat(Arrays.stream(offsets).filter(t -> t < 5).count()).isBetween(98L, 102L);
        assertThat(Arrays.stream(offsets).filter(t -> t >= 9).count()).isBetween(46L, 50L);
        assertThat(offsets[299]).isCloseTo(10.0, within(1e-6));
    }
}
