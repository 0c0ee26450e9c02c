package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.errorCount;
import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the two load models show of a planted slow server or stall, and how they stop. */
@ExtendWith(RealServers.class)
class HttpLoadModelTest {

    @Test
    void aPlantedSlowUpstreamShowsInTheUpperPercentilesOnly(@TempDir Path dir) throws Exception {
        try (SlowUpstream fastA = SlowUpstream.start("fast-a", Duration.ZERO);
                SlowUpstream fastB = SlowUpstream.start("fast-b", Duration.ZERO);
                SlowUpstream slow = SlowUpstream.start("slow", Duration.ofMillis(50));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir,
                        List.of(fastA.address(), fastB.address(), slow.address()))) {
            // Round robin over three: every third request meets the slow server.
            ProbeMeasurement measurement = ProbeRun.cold(nginx.url() + "/", "concurrency: 1, requests: 90").run();

            assertThat(slow.requests()).isEqualTo(30);
            assertThat(value(measurement, "p50_ms")).isLessThan(40);
            assertThat(value(measurement, "p90_ms")).isGreaterThanOrEqualTo(50);
            assertThat(value(measurement, "p99_ms")).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void openModelP99ReflectsAOneSecondStall(@TempDir Path dir) throws Exception {
        // 100 requests in (about a second into the run) every answer waits until the stall ends a second later.
        try (SlowUpstream upstream = SlowUpstream.start("a", Duration.ZERO).stallOnceAfter(100, Duration.ofSeconds(1));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement measurement = ProbeRun.cold(nginx.url() + "/", "rate: 100, duration: 4s").run();

            assertThat(upstream.stallEnded()).isTrue();
            assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
            assertThat(value(measurement, "requests")).isEqualTo(400);
            // The ~100 requests intended during the stall wait from their intended start: up to 1000 ms, half of
            // them over 500 ms, which is 12% of all requests.
            assertThat(value(measurement, "p99_ms")).isGreaterThanOrEqualTo(500);
            assertThat(value(measurement, "p90_ms")).isGreaterThanOrEqualTo(100);
            assertThat(value(measurement, "max_ms")).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void closedModelP99HidesTheSameStall(@TempDir Path dir) throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("a", Duration.ZERO).stallOnceAfter(100, Duration.ofSeconds(1));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement measurement = ProbeRun.cold(nginx.url() + "/", "concurrency: 2, duration: 4s").run();

            assertThat(upstream.stallEnded()).isTrue();
            assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
            // Only the two requests in flight saw the stall: the max shows it, the p99 does not (where the open
            // model's is at least 500 ms), as long as there were far more than 200 requests (2 in 200 is 1%).
            assertThat(value(measurement, "max_ms")).isGreaterThanOrEqualTo(900);
            assertThat(value(measurement, "responses")).isGreaterThan(400);
            assertThat(value(measurement, "p99_ms")).isLessThan(500);
        }
    }

    @Test
    void openModelBoundsRequestsInFlightAndCountsLateOnesFromTheirIntendedStart(@TempDir Path dir)
            throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("slow", Duration.ofMillis(200));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            // Two connections at 200 ms each serve 10 requests/s; 50/s are asked for.
            ProbeMeasurement measurement = ProbeRun.cold(nginx.url() + "/", "rate: 50, requests: 20")
                    .run(new HttpProbe(2));

            assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
            assertThat(upstream.mostInFlight()).isLessThanOrEqualTo(2);
            assertThat(value(measurement, "requests")).isEqualTo(20);
            assertThat(value(measurement, "late_requests")).isGreaterThanOrEqualTo(15);
            assertThat(value(measurement, "sent_per_s")).isLessThan(15);
            // The last request was intended at 380 ms and could start only at about 1.8 s.
            assertThat(value(measurement, "max_ms")).isGreaterThan(1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"concurrency: 2, duration: 60s", "rate: 200, duration: 60s"})
    void stopSignalEndsTheLoadPromptlyAndKeepsWhatWasMeasured(String load, LocalNginxBalancer balancer)
            throws Exception {
        ProbeRun run = ProbeRun.cold(balancer.url() + "/", load);
        CompletableFuture<ProbeMeasurement> running = CompletableFuture.supplyAsync(run::run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run.progress.snapshot().done() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        long stoppedAt = System.nanoTime();
        run.stop.raise();
        ProbeMeasurement measurement = running.get(10, TimeUnit.SECONDS);

        // About a second is the promise; the margin is for a busy 2-core machine.
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofMillis(2000));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(errorCount(measurement, ErrorKind.STOPPED)).isEqualTo(1);
        assertThat(value(measurement, "responses")).isGreaterThanOrEqualTo(50);
        assertThat(value(measurement, "errors")).isZero();
    }

    @Test
    void stopSignalEndsAnOpenLoadWaitingForAFreeConnection(@TempDir Path dir) throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start("slow", Duration.ofMillis(300));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeRun run = ProbeRun.cold(nginx.url() + "/", "rate: 100, duration: 60s");
            CompletableFuture<ProbeMeasurement> running = CompletableFuture.supplyAsync(() -> run.run(new HttpProbe(1)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (run.progress.snapshot().done() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            long stoppedAt = System.nanoTime();
            run.stop.raise();
            ProbeMeasurement measurement = running.get(10, TimeUnit.SECONDS);

            // At most the one request in flight (300 ms) and one stop check (100 ms) stand between.
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofMillis(2000));
            assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
            assertThat(value(measurement, "late_requests")).isPositive();
        }
    }

    @Test
    void theMeasurementValidatesAgainstTheResultSchema(LocalNginxBalancer balancer, @TempDir Path dir)
            throws Exception {
        ProbeMeasurement measurement = ProbeRun.cold(balancer.url() + "/missing-is-fine-here",
                "rate: 50, requests: 10, expectStatus: 201").run();
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-http", "local", "cluster.yaml",
                "0".repeat(64), ToolInfo.current(), measurement.startedAt(), measurement.endedAt(), List.of(),
                List.of(measurement));
        Path file = dir.resolve(ResultFiles.RESULT_JSON);

        ResultFiles.write(result, file);
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(Path.of("..", "docs", "result.schema.json").toFile()))
                .validate(new ObjectMapper().readTree(file.toFile()));

        assertThat(problems).isEmpty();
        assertThat(ResultFiles.read(file).probes()).containsExactly(measurement);
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(measurement.metrics()).extracting(m -> m.name()).contains("sent_per_s", "late_requests",
                "status_200", "p999_ms");
    }
}
