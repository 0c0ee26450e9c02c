package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.errorCount;
import static io.clusterbench.probe.http.ProbeRun.metric;
import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The http probe against a real nginx balancer: counting, statuses, errors. */
@ExtendWith(RealServers.class)
class HttpProbeTest {

    @Test
    void closedModelCountsEveryRequestAndStatusThroughTheBalancer(LocalNginxBalancer balancer) throws Exception {
        ProbeRun run = ProbeRun.cold(balancer.url() + "/health", "concurrency: 4, requests: 300");

        ProbeMeasurement measurement = run.run();

        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.kind()).isEqualTo("http");
        assertThat(measurement.target()).isEqualTo(balancer.url() + "/health");
        assertThat(value(measurement, "requests")).isEqualTo(300);
        assertThat(value(measurement, "responses")).isEqualTo(300);
        assertThat(value(measurement, "status_200")).isEqualTo(300);
        assertThat(value(measurement, "status_2xx")).isEqualTo(300);
        assertThat(value(measurement, "status_5xx")).isZero();
        assertThat(value(measurement, "errors")).isZero();
        assertThat(value(measurement, "requests_per_s")).isPositive()
                .isEqualTo(value(measurement, "success_per_s"));
        assertThat(value(measurement, "p99_ms")).isPositive().isGreaterThanOrEqualTo(value(measurement, "p50_ms"));
        assertThat(measurement.latencies()).singleElement()
                .satisfies(latency -> assertThat(latency.count()).isEqualTo(300));
        assertThat(metric(measurement, "sent_per_s")).as("open model only").isEmpty();
        assertThat(run.progress.snapshot().done()).isEqualTo(300);
        assertThat(run.progress.snapshot().total()).isEqualTo(300);
    }

    @Test
    void openModelSendsAtTheRequestedRateThroughTheBalancer(LocalNginxBalancer balancer) throws Exception {
        ProbeRun run = ProbeRun.cold(balancer.url() + "/", "rate: 200, duration: 2s");

        ProbeMeasurement measurement = run.run();

        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        // The schedule holds exactly duration x rate intended starts: 0, 5 ms, ..., 1995 ms.
        assertThat(value(measurement, "requests")).isEqualTo(400);
        assertThat(value(measurement, "status_200")).isEqualTo(400);
        // Never above the rate (nothing is sent early); below it only if this machine fell behind.
        assertThat(value(measurement, "sent_per_s")).isBetween(160.0, 200.5);
        assertThat(value(measurement, "late_requests")).isBetween(0.0, 400.0);
        assertThat(value(measurement, "requests_per_s")).isBetween(120.0, 200.5);
        assertThat(run.progress.snapshot().total()).as("bound by time").isEqualTo(-1);
    }

    @Test
    void bothModelsSpreadRequestsOverBothUpstreams(@TempDir Path dir) throws Exception {
        try (SlowUpstream a = SlowUpstream.start("a", Duration.ZERO);
                SlowUpstream b = SlowUpstream.start("b", Duration.ZERO);
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(a.address(), b.address()))) {
            ProbeMeasurement closed = ProbeRun.cold(nginx.url() + "/", "concurrency: 2, requests: 40").run();
            ProbeMeasurement open = ProbeRun.cold(nginx.url() + "/", "rate: 100, requests: 40").run();

            assertThat(closed.status()).isEqualTo(ProbeStatus.OK);
            assertThat(open.status()).isEqualTo(ProbeStatus.OK);
            assertThat(value(closed, "status_200") + value(open, "status_200")).isEqualTo(80);
            assertThat(a.requests() + b.requests()).isEqualTo(80);
            assertThat(a.requests()).isBetween(30L, 50L);
        }
    }

    @Test
    void anUnexpectedStatusIsAnHttpStatusErrorWithTheStatus(@TempDir Path dir) throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("a", Duration.ZERO);
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement measurement = ProbeRun.cold(nginx.url() + "/missing", "concurrency: 2, requests: 20")
                    .run();

            assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
            assertThat(value(measurement, "status_404")).isEqualTo(20);
            assertThat(value(measurement, "status_4xx")).isEqualTo(20);
            assertThat(value(measurement, "errors")).isEqualTo(20);
            assertThat(value(measurement, "error_pct")).isEqualTo(100);
            assertThat(value(measurement, "success_per_s")).isZero();
            assertThat(metric(measurement, "p99_ms")).as("failed responses are timed too").isPresent();
            assertThat(measurement.errors()).singleElement().satisfies(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.HTTP_STATUS);
                assertThat(error.count()).isEqualTo(20);
                assertThat(error.message()).contains("answered 404, expected 2xx").contains("service web");
            });
        }
    }

    @Test
    void expectStatusMakesAnyOtherStatusAnError(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement measurement = ProbeRun.cold(balancer.url() + "/health",
                "concurrency: 1, requests: 5, expectStatus: 204").run();

        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(errorCount(measurement, ErrorKind.HTTP_STATUS)).isEqualTo(5);
        assertThat(measurement.errors()).extracting(ProbeError::message)
                .containsExactly("GET " + balancer.url() + "/health (service web) answered 200, expected 204"
                        + " (expectStatus)");
    }

    @Test
    void anUnreachablePortFailsTheMeasurement() throws Exception {
        int closedPort = FreePorts.loopback();
        for (String model : List.of("concurrency: 2, requests: 4", "rate: 50, requests: 4")) {
            ProbeRun run = ProbeRun.cold("http://127.0.0.1:" + closedPort + "/", model);

            ProbeMeasurement measurement = run.run();

            assertThat(measurement.status()).as(model).isEqualTo(ProbeStatus.FAILED);
            assertThat(measurement.metrics()).as(model).isEmpty();
            assertThat(measurement.errors()).as(model).singleElement().satisfies(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
                assertThat(error.count()).isEqualTo(4);
                assertThat(error.message()).contains("127.0.0.1:" + closedPort).contains("service web");
            });
            assertThat(run.progress.snapshot().errors()).as(model).isEqualTo(4);
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsATimeoutError() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("slow", Duration.ofSeconds(3))) {
            long started = System.nanoTime();
            ProbeMeasurement measurement = ProbeRun.cold("http://127.0.0.1:" + upstream.address().getPort() + "/",
                    "concurrency: 2, requests: 2, timeout: 300ms").run();

            assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(errorCount(measurement, ErrorKind.TIMEOUT)).isEqualTo(2);
            assertThat(measurement.errors()).extracting(ProbeError::message)
                    .allSatisfy(message -> assertThat(message).contains("within the timeout of 300ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void sendsTheMethodHeadersAndBodyAndReadsChunkedAnswers(@TempDir Path dir) throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("a", Duration.ZERO);
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement post = ProbeRun.cold(nginx.url() + "/",
                    "concurrency: 1, requests: 3, method: POST, headers: { X-Test: yes }, body: \"{\\\"q\\\": 1}\"")
                    .run();
            String seen = upstream.lastRequest();
            ProbeMeasurement chunked = ProbeRun.cold(nginx.url() + "/chunked", "concurrency: 2, requests: 50").run();
            ProbeMeasurement head = ProbeRun.cold(nginx.url() + "/", "concurrency: 1, requests: 5, method: HEAD").run();

            assertThat(seen).isEqualTo("POST yes {\"q\": 1}");
            assertThat(post.status()).isEqualTo(ProbeStatus.OK);
            assertThat(chunked.status()).isEqualTo(ProbeStatus.OK);
            assertThat(value(chunked, "status_200")).isEqualTo(50);
            assertThat(head.status()).isEqualTo(ProbeStatus.OK);
            assertThat(value(head, "status_200")).isEqualTo(5);
        }
    }
}
