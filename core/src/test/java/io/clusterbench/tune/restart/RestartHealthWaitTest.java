package io.clusterbench.tune.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.probe.chroma.ChromaFixture;
import io.clusterbench.probe.openai.OpenAiFixture;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.testkit.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * restart over a real sshd, waiting for the health of real servers (nginx, redis, prometheus), of protocol fixtures
 * where no real server can run here (vLLM, Chroma), or of one that never answers.
 */
/**
 * restart's health waits for the service kinds that answer over HTTP with a path of their own: a real Prometheus
 * ({@code /-/ready}), and protocol fixtures where no real server can run here: vLLM ({@code /health} at the server
 * root) and Chroma ({@code /api/v2/heartbeat} with its token header).
 */
@ExtendWith(RealServers.class)
class RestartHealthWaitTest {
    private static final String LLM_KEY = "restart-test-llm-key-91c2";
    private static final String CHROMA_TOKEN = "restart-test-chroma-token-5d0e";
    private static final SecretResolver SECRETS =
            new DefaultSecretResolver(Map.of("LLM_KEY", LLM_KEY, "CHROMA_TOKEN", CHROMA_TOKEN)::get);
    private static final String RELOAD_TIME = "prometheus_config_last_reload_success_timestamp_seconds";

    @TempDir
    Path dir;

    @Test
    void reloadsARealPrometheusAndWaitsUntilItsReadyEndpointAnswers200(LocalSshd sshd, LocalPrometheus prometheus)
            throws Exception {
        double reloadedBefore = lastReload(prometheus);
        RunResult result = apply(sshd, """
                services:
                  metrics: { type: prometheus, url: "%s" }
                probes:
                  gpu-metrics: { service: metrics, query: up }
                tuning:
                  - { restart: metrics, host: box, command: [kill, -HUP, "%d"], waitFor: gpu-metrics, deadline: 20s }
                """.formatted(prometheus.url(), prometheus.pid()));

        String ready = "GET " + prometheus.url() + "/-/ready";
        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(outcome.verified()).isTrue();
        assertThat(outcome.before()).containsEntry("healthy", "true").containsEntry("health", ready + " answered 200");
        assertThat(outcome.after()).containsEntry("healthy", "true").containsEntry("health", ready + " answered 200")
                .containsEntry("restartExit", "0").containsKey("timeToHealthyMs");
        assertThat(outcome.message()).contains("'kill' exited 0").contains("'metrics' answered healthy after");
        assertThat(result.evidence()).filteredOn(evidence -> evidence.step() == EvidenceStep.APPLYING).singleElement()
                .satisfies(applying -> assertThat(applying.message())
                        .contains("until " + ready + " answers 200"));
        assertThat(awaitReloadAfter(prometheus, reloadedBefore)).isGreaterThan(reloadedBefore);
    }

    @Test
    void failsWithTheLastErrorWhenNoPrometheusAnswersReadyBeforeTheDeadline(LocalSshd sshd) throws Exception {
        int closedPort = FreePorts.loopback();
        RunResult result = apply(sshd, """
                services:
                  lb: { type: http, url: "http://127.0.0.1:9/never-asked" }
                  metrics: { type: prometheus, url: "http://127.0.0.1:%d" }
                probes:
                  gpu-metrics: { service: metrics, query: up }
                tuning:
                  - { restart: lb, host: box, command: ["true"], waitFor: gpu-metrics, deadline: 1s }
                """.formatted(closedPort));

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("'metrics' did not answer healthy within 1s")
                .contains("last error: GET http://127.0.0.1:" + closedPort + "/-/ready: connection refused");
        assertThat(outcome.after()).containsEntry("healthy", "false").containsKey("waitedMs");
        assertThat(Long.parseLong(outcome.after().get("waitedMs"))).isBetween(900L, 10_000L);
    }

    @Test
    void failsWhenARealPrometheusAnswersItsReadyPathUnderTheUrlWithAnythingBut200(LocalSshd sshd,
            LocalPrometheus prometheus) throws Exception {
        // A Prometheus without --web.route-prefix answers 404 under a prefix its url wrongly gives.
        String url = prometheus.url() + "/prometheus";
        RunResult result = apply(sshd, """
                services:
                  metrics: { type: prometheus, url: "%s" }
                tuning:
                  - { restart: metrics, host: box, command: ["true"], deadline: 1s }
                """.formatted(url));

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("'metrics' did not answer healthy within 1s")
                .contains("last error: GET " + url + "/-/ready answered 404");
        assertThat(Integer.parseInt(outcome.after().get("healthChecks"))).isGreaterThan(1);
    }

    @Test
    void waitsForOpenAiHealthAtTheServerRootWhenTheUrlEndsInV1(LocalSshd sshd) throws Exception {
        try (OpenAiFixture vllm = OpenAiFixture.start().requireApiKey(LLM_KEY)) {
            RunResult result = apply(sshd, """
                    services:
                      llm: { type: openai, url: "%s/v1", model: test-model, apiKey: "${env:LLM_KEY}" }
                    probes:
                      llm-serving: { service: llm, requests: 1 }
                    tuning:
                      - { restart: llm, host: box, command: ["true"], waitFor: llm-serving, deadline: 10s }
                    """.formatted(vllm.url()));

            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(outcome.after()).containsEntry("healthy", "true")
                    .containsEntry("health", "GET " + vllm.url() + "/health answered 200");
            // The fixture, as vLLM, answers 404 on /v1/health: only requests at the root can have answered 200.
            assertThat(vllm.requests()).isNotEmpty().containsOnly("GET /health");
            assertThat(vllm.authorizations()).containsOnly("Bearer " + LLM_KEY);
            assertThat(resultFiles()).contains("/health answered 200").doesNotContain(LLM_KEY);
        }
    }

    @Test
    void keepsCheckingOpenAiHealthUntilAnUnhealthyServerAnswers200(LocalSshd sshd) throws Exception {
        try (OpenAiFixture vllm = OpenAiFixture.start().unhealthyFor(4, 503)) {
            RunResult result = apply(sshd, """
                    services:
                      llm: { type: openai, url: "%s/v1/", model: test-model }
                    tuning:
                      - { restart: llm, host: box, command: ["true"], deadline: 20s }
                    """.formatted(vllm.url()));

            String health = "GET " + vllm.url() + "/health";
            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
            // The preflight's and the plan's checks got the first two 503s, the wait the other two and then the 200.
            assertThat(vllm.healthRequests()).isEqualTo(5);
            assertThat(outcome.before()).containsEntry("healthy", "false")
                    .containsEntry("health", health + " answered 503");
            assertThat(outcome.after()).containsEntry("healthy", "true").containsEntry("healthChecks", "3")
                    .containsEntry("health", health + " answered 200");
            assertThat(Long.parseLong(outcome.after().get("timeToHealthyMs")))
                    .isGreaterThanOrEqualTo(2 * HealthWait.INTERVAL.toMillis());
            assertThat(outcome.message()).contains("'llm' answered healthy after").contains("(3 checks)");
        }
    }

    @Test
    void waitsForChromaHeartbeatSendingTheServicesToken(LocalSshd sshd) throws Exception {
        try (ChromaFixture chroma = ChromaFixture.start().requireToken(CHROMA_TOKEN)) {
            RunResult result = apply(sshd, """
                    services:
                      vectors: { type: chroma, url: "%s", token: "${env:CHROMA_TOKEN}" }
                    probes:
                      vector-queries: { service: vectors, queries: 1 }
                    tuning:
                      - { restart: vectors, host: box, command: ["true"], waitFor: vector-queries, deadline: 10s }
                    """.formatted(chroma.url()));

            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(outcome.after()).containsEntry("healthy", "true")
                    .containsEntry("health", "GET " + chroma.url() + "/api/v2/heartbeat answered 200");
            // x-chroma-token is the header Chroma 1.x checks; the fixture records it on every request.
            assertThat(chroma.tokens()).isNotEmpty().containsOnly(CHROMA_TOKEN);
            assertThat(resultFiles()).contains("/api/v2/heartbeat answered 200").doesNotContain(CHROMA_TOKEN);
        }
    }

    /** Prometheus' own clock reading of its last successful configuration load, from its /metrics. */
    private static double lastReload(LocalPrometheus prometheus) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(prometheus.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith(RELOAD_TIME + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(RELOAD_TIME.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError(RELOAD_TIME + " missing from " + prometheus.url() + "/metrics"));
    }

    /** Prometheus reloads on SIGHUP asynchronously; poll until it reports a later load or a deadline passes. */
    private static double awaitReloadAfter(LocalPrometheus prometheus, double before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        double seen = lastReload(prometheus);
        while (seen <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = lastReload(prometheus);
        }
        return seen;
    }

    private String resultFiles() throws Exception {
        return RestartRuns.resultFiles(dir.resolve("out"));
    }

    private RunResult apply(LocalSshd sshd, String rest) throws Exception {
        return RestartRuns.apply(dir.resolve("out"), sshd, rest, SECRETS);
    }
}
