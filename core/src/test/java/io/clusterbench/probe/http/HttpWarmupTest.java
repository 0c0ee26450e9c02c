package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.metric;
import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.StopLater;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The http probe's warm-up through a real nginx: on by default, in both models left out of every measured number. */
@ExtendWith(RealServers.class)
class HttpWarmupTest {

    @Test
    void closedModelWarmsUpForASecondByDefaultAndStillSendsExactlyTheRequestedRequests(LocalNginxBalancer balancer)
            throws Exception {
        ProbeRun run = new ProbeRun(balancer.url() + "/health", "concurrency: 2, requests: 200");

        ProbeMeasurement measurement = run.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(value(measurement, "requests")).isEqualTo(200);
        assertThat(value(measurement, "responses")).isEqualTo(200);
        assertThat(run.progress.snapshot().done()).as("the warm-up is not progress").isEqualTo(200);
        assertThat(value(measurement, "warmup.requests")).isGreaterThan(10);
        assertThat(value(measurement, "warmup.errors")).isZero();
        assertThat(value(measurement, "warmup.s")).isCloseTo(1.0, within(0.05));
        assertThat(value(measurement, "warmup.p50_ms")).isPositive()
                .isLessThanOrEqualTo(value(measurement, "warmup.p99_ms"));
    }

    @Test
    void openModelWarmsUpAtTheSameRateAndThenSendsTheMeasuredSchedule(LocalNginxBalancer balancer) throws Exception {
        ProbeRun run = new ProbeRun(balancer.url() + "/health", "rate: 100, requests: 50, warmup: 500ms");

        ProbeMeasurement measurement = run.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(value(measurement, "requests")).isEqualTo(50);
        assertThat(value(measurement, "warmup.requests")).as("the schedule's first 0.5 s at 100/s").isEqualTo(50);
        assertThat(value(measurement, "warmup.s")).isCloseTo(0.5, within(0.05));
        assertThat(value(measurement, "sent_per_s")).as("measured from the end of the warm-up")
                .isCloseTo(100, within(15.0));
        assertThat(run.progress.snapshot().done()).isEqualTo(50);
    }

    @Test
    void writesNoWarmUpMetricsWhenTheWarmUpIsSwitchedOff(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement measurement = ProbeRun.cold(balancer.url() + "/health", "concurrency: 2, requests: 50").run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.metrics()).extracting(MetricValue::name).noneMatch(name -> name.startsWith("warmup."));
    }

    @Test
    void stopsPromptlyDuringTheWarmUpAndWritesWhatItHas(LocalNginxBalancer balancer) throws Exception {
        ProbeRun run = new ProbeRun(balancer.url() + "/health", "concurrency: 2, duration: 60s, warmup: 60s");
        StopLater.Timed<ProbeMeasurement> stopped = StopLater.call(run.stop, Duration.ofMillis(500), run::run);
        ProbeMeasurement measurement = stopped.value();

        assertThat(stopped.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(measurement.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.STOPPED);
        assertThat(metric(measurement, "requests")).as("nothing was measured yet").isEmpty();
        assertThat(value(measurement, "warmup.requests")).isPositive();
        assertThat(value(measurement, "warmup.s")).isLessThan(3.0);
    }
}
