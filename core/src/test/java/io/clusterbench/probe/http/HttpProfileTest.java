package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.metric;
import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Load profiles of the http probe: each level runs at its rate or concurrency and is reported on its own. */
@ExtendWith(RealServers.class)
class HttpProfileTest {

    @Test
    void aContinuousRampSendsItsIntegralAsOneLoadWithoutSteps(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement m = ProbeRun.cold(balancer.url() + "/",
                "profile: { ramp: { from: 20, to: 60, over: 2s, continuous: true } }").run();

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        // 20 x 2 + (60 - 20) x 2^2 / (2 x 2) = 80 requests due within the ramp's 2 s.
        assertThat(value(m, "requests")).isEqualTo(80);
        assertThat(value(m, "status_200")).isEqualTo(80);
        assertThat(m.metrics()).noneMatch(v -> v.name().startsWith("step"));
    }

    @Test
    void stepsOfRateSendEachLevelsRequestsAndReportEachStep(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement m = ProbeRun.cold(balancer.url() + "/",
                "profile: { steps: [{ rate: 50, for: 1s }, { rate: 150, for: 1s }] }").run();

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        // Each open level's schedule holds exactly rate x length intended starts.
        assertThat(value(m, "step1.rate")).isEqualTo(50);
        assertThat(value(m, "step1.requests")).isEqualTo(50);
        assertThat(value(m, "step2.rate")).isEqualTo(150);
        assertThat(value(m, "step2.requests")).isEqualTo(150);
        assertThat(value(m, "requests")).as("the whole load").isEqualTo(200);
        assertThat(value(m, "status_200")).isEqualTo(200);
        assertThat(value(m, "step2.sent_per_s")).isBetween(120.0, 150.5);
        assertThat(value(m, "step1.sent_per_s")).isBetween(40.0, 50.5);
        assertThat(value(m, "step1.p99_ms")).isPositive();
        assertThat(value(m, "step2.error_pct")).isZero();
        assertThat(value(m, "step1.s")).isBetween(0.98, 1.5);
        assertThat(m.latencies()).as("one distribution, the whole load's").singleElement()
                .satisfies(h -> assertThat(h.count()).isEqualTo(200));
    }

    @Test
    void stepsOfConcurrencyServeMoreWithMoreConnections(@TempDir Path dir) throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("slow", Duration.ofMillis(20));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement m = ProbeRun.cold(nginx.url() + "/",
                    "profile: { steps: [{ concurrency: 1, for: 1s }, { concurrency: 4, for: 1s }] }").run();

            assertThat(m.status()).isEqualTo(ProbeStatus.OK);
            assertThat(value(m, "step1.concurrency")).isEqualTo(1);
            assertThat(value(m, "step2.concurrency")).isEqualTo(4);
            // 20 ms a request: about 50 req/s on one connection, about 200 on four.
            // The upper bound is the check (one connection cannot beat 1 / 20 ms); the lower one only says it ran, as a
            // loaded 2-core machine can halve the rate of a cold probe.
            assertThat(value(m, "step1.requests_per_s")).isBetween(10.0, 52.0);
            assertThat(value(m, "step2.requests_per_s")).isGreaterThan(2.5 * value(m, "step1.requests_per_s"));
            assertThat(value(m, "step1.p50_ms")).isGreaterThanOrEqualTo(20);
            assertThat(value(m, "requests")).isEqualTo(value(m, "step1.requests") + value(m, "step2.requests"));
            assertThat(metric(m, "step1.sent_per_s")).as("open model only").isEmpty();
            assertThat(upstream.mostInFlight()).isEqualTo(4);
        }
    }

    @Test
    void aRampClimbsInStairsFromItsStartToItsEnd(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement m = ProbeRun.cold(balancer.url() + "/",
                "profile: { ramp: { from: 20, to: 110, over: 4s, stairs: 4 } }").run();

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(List.of(value(m, "step1.rate"), value(m, "step2.rate"), value(m, "step3.rate"),
                value(m, "step4.rate"))).containsExactly(20.0, 50.0, 80.0, 110.0);
        assertThat(List.of(value(m, "step1.requests"), value(m, "step2.requests"), value(m, "step3.requests"),
                value(m, "step4.requests"))).containsExactly(20.0, 50.0, 80.0, 110.0);
        assertThat(metric(m, "step5.rate")).isEmpty();
        assertThat(value(m, "requests")).isEqualTo(260);
    }
}
