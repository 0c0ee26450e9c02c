package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.probe.openai.OpenAiFixture.Script;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the openai probe records what goes wrong: stalls, drops, error answers, a missing model, a stop. */
class OpenAiProbeFailuresTest extends OpenAiProbeRuns {
    private static final String API_KEY = "sk-test-secret-9f3a";

    @Test
    void recordsAStalledStreamAsATimeout() throws Exception {
        fixture.scripts(i -> Script.tokens(5, 10, 10).stallAfter(2));
        long start = System.nanoTime();

        ProbeMeasurement m = run("requests: 1, timeout: 500ms, promptTokens: 4, maxTokens: 5");

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(metric(m, "failed")).isEqualTo(1);
        assertThat(metric(m, "completed")).isZero();
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(error.message()).contains("stalled", "500 ms", fixture.url() + "/v1/completions");
        });
        assertThat(m.status()).isEqualTo(ProbeStatus.PARTIAL);
    }

    @Test
    void doesNotTimeOutALongStreamWhoseChunksKeepComing() throws Exception {
        // 1.75 s in all, 150 ms between chunks: far longer than the timeout, each gap far shorter.
        fixture.scripts(i -> Script.tokens(12, 100, 150));

        ProbeMeasurement m = run("requests: 1, timeout: 1s, promptTokens: 4, maxTokens: 12");

        assertThat(m.errors()).isEmpty();
        assertThat(metric(m, "e2el_mean_ms")).isGreaterThan(1750);
    }

    @Test
    void recordsADroppedConnectionAsAProtocolError() throws Exception {
        fixture.scripts(i -> Script.tokens(5, 10, 10).dropAfter(2));

        ProbeMeasurement m = run("requests: 2, promptTokens: 4, maxTokens: 5");

        assertThat(metric(m, "failed")).isEqualTo(2);
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL);
            assertThat(error.message()).contains("dropped mid-stream");
            assertThat(error.count()).isEqualTo(2);
        });
    }

    @Test
    void surfacesTheServersErrorMessageInBothOfVllmsShapes() throws Exception {
        String current = "{\"error\":{\"message\":\"This model's maximum context length is 2048 tokens. However,"
                + " you requested 5000 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}";
        String older = "{\"object\":\"error\",\"message\":\"The model `x` does not exist.\","
                + "\"type\":\"NotFoundError\",\"param\":null,\"code\":404}";
        fixture.scripts(i -> i == 0 ? Script.error(400, current) : Script.error(404, older));

        ProbeMeasurement m = run("requests: 2, maxConcurrency: 1, promptTokens: 4, maxTokens: 5");

        assertThat(m.errors()).extracting(ProbeError::kind).containsOnly(ErrorKind.HTTP_STATUS);
        assertThat(m.errors()).extracting(ProbeError::message).containsExactly(
                "POST " + fixture.url() + "/v1/completions answered HTTP 400: This model's maximum context length"
                        + " is 2048 tokens. However, you requested 5000 tokens.",
                "POST " + fixture.url() + "/v1/completions answered HTTP 404: The model `x` does not exist.");
    }

    @Test
    void failsBeforeAnyLoadWhenTheServerDoesNotServeTheModel() throws Exception {
        fixture.models("other-model", "third-model");

        ProbeMeasurement m = run("requests: 3");

        assertThat(m.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(m.metrics()).extracting(MetricValue::name).containsExactly("health_ms");
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.MODEL);
            assertThat(error.message()).contains("does not serve model 'test-model'", "[other-model, third-model]",
                    "set the model of service llm");
        });
        assertThat(fixture.completionRequests()).isZero();
    }

    @Test
    void recordsADeadEngineFromTheHealthCheck() throws Exception {
        fixture.healthStatus(503).scripts(i -> Script.tokens(2, 5, 5));

        ProbeMeasurement m = run("requests: 1, promptTokens: 4, maxTokens: 2");

        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.HTTP_STATUS);
            assertThat(error.message()).contains("/health answered 503", "engine is dead");
        });
        assertThat(m.metrics()).extracting(MetricValue::name).doesNotContain("health_ms");
    }

    @Test
    void failsAtOnceWhenNothingListens() throws Exception {
        String url = fixture.url();
        fixture.close();

        ProbeMeasurement m = run(url, "requests: 3", Map.of());

        assertThat(m.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(error.message()).contains("cannot connect to " + url);
        });
    }

    @Test
    void sendsTheApiKeyAsABearerTokenAndNeverWritesIt() throws Exception {
        fixture.requireApiKey(API_KEY).scripts(i -> Script.tokens(2, 5, 5));

        ProbeMeasurement accepted = run(fixture.url(), "requests: 2, promptTokens: 4, maxTokens: 2",
                Map.of("LLM_KEY", API_KEY));
        ProbeMeasurement refused = run(fixture.url(), "requests: 2", Map.of("LLM_KEY", "wrong-key-7c1e"));

        assertThat(accepted.errors()).isEmpty();
        assertThat(fixture.authorizations()).contains("Bearer " + API_KEY);
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(error.message()).contains("answered 401", "apiKey of service llm");
        });
        String written = ResultFiles.toJson(result(accepted, refused));
        assertThat(written).doesNotContain(API_KEY).doesNotContain("wrong-key-7c1e");
        assertThat(accepted.toString()).doesNotContain(API_KEY);
    }

    @Test
    void failsWithThePathWhenThePromptsFileIsMissing() throws Exception {
        ProbeMeasurement m = run("requests: 3, promptsFile: missing.txt");

        assertThat(m.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(m.errors().get(0).message()).contains("missing.txt", "cannot read promptsFile");
        assertThat(fixture.completionRequests()).isZero();
    }

    @Test
    void stopsPromptlyAndKeepsWhatWasMeasured() throws Exception {
        fixture.scripts(i -> {
            if (i == 3) {
                stop.raise();
            }
            return Script.tokens(3, 20, 5);
        });
        long start = System.nanoTime();

        ProbeMeasurement m = run("requests: 50, maxConcurrency: 1, promptTokens: 4, maxTokens: 3");

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(fixture.completionRequests()).isLessThanOrEqualTo(5);
        assertThat(metric(m, "completed")).isBetween(1.0, 4.0);
        assertThat(m.errors()).extracting(ProbeError::kind).contains(ErrorKind.STOPPED);
    }
}
