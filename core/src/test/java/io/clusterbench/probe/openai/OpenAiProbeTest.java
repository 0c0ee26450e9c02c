package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.probe.openai.OpenAiFixture.Script;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the openai probe measures, against delays and token counts planted in {@link OpenAiFixture}. */
class OpenAiProbeTest extends OpenAiProbeRuns {
    @Test
    void measuresTtftItlTpotAndE2elAgainstThePlantedDelays() throws Exception {
        fixture.scripts(i -> Script.tokens(10, 100, 20));

        ProbeMeasurement m = run("requests: 4, promptTokens: 32, maxTokens: 10, percentiles: [99.5]");

        assertThat(m.status()).as("%s", m.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "completed")).isEqualTo(4);
        assertThat(metric(m, "failed")).isZero();
        assertThat(metric(m, "ttft_mean_ms")).isBetween(100.0, 600.0);
        assertThat(metric(m, "ttft_p99.5_ms")).isBetween(100.0, 700.0);
        // Nine gaps of at least 20 ms each on the server; a little slack for when the first chunk reached the
        // client later than the others.
        assertThat(metric(m, "itl_mean_ms")).isBetween(18.0, 80.0);
        assertThat(metric(m, "itl_median_ms")).isBetween(15.0, 80.0);
        assertThat(metric(m, "tpot_mean_ms")).isBetween(18.0, 80.0);
        assertThat(metric(m, "e2el_mean_ms")).isBetween(280.0, 1500.0);
        assertThat(metric(m, "e2el_p99_ms")).isGreaterThanOrEqualTo(metric(m, "e2el_median_ms"));
        assertThat(metric(m, "tpot_mean_ms")).isCloseTo(
                (metric(m, "e2el_mean_ms") - metric(m, "ttft_mean_ms")) / 9, within(0.01));
        assertThat(histogram(m, "itl").count()).isEqualTo(4 * 9);
        assertThat(histogram(m, "ttft").count()).isEqualTo(4);
        assertThat(metric(m, "health_ms")).isPositive();
    }

    @Test
    void takesTokenCountsFromTheUsageChunkAndDividesThemByTheRunsWallTime() throws Exception {
        fixture.scripts(i -> Script.tokens(6, 20, 5));

        ProbeMeasurement m = run("requests: 5, promptTokens: 40, maxTokens: 6");

        double seconds = metric(m, "duration_s");
        assertThat(metric(m, "total_input_tokens")).isEqualTo(5 * 40);
        assertThat(metric(m, "total_output_tokens")).isEqualTo(5 * 6);
        assertThat(metric(m, "input_throughput")).isCloseTo(200 / seconds, within(1e-6));
        assertThat(metric(m, "output_throughput")).isCloseTo(30 / seconds, within(1e-6));
        assertThat(metric(m, "total_token_throughput")).isCloseTo(230 / seconds, within(1e-6));
        assertThat(metric(m, "request_throughput")).isCloseTo(5 / seconds, within(1e-6));
        assertThat(seconds).isGreaterThan(0.045);
        assertThat(metric(m, "max_concurrent_requests")).isBetween(1.0, 5.0);
    }

    @Test
    void sendsVllmBenchsStreamingPayload() throws Exception {
        run("requests: 2, promptTokens: 12, maxTokens: 5");

        JsonNode body = fixture.bodies().get(0);
        assertThat(body.path("model").asText()).isEqualTo(OpenAiFixture.MODEL);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("ignore_eos").asBoolean()).isTrue();
        assertThat(body.path("prompt").asText().split(" ")).hasSize(12)
                .allSatisfy(word -> assertThat(Prompts.VOCABULARY).contains(word));
        assertThat(fixture.bodies().get(1).path("prompt").asText()).isNotEqualTo(body.path("prompt").asText());
    }

    @Test
    void countsARoleOnlyFirstChunkAsTheFirstTokenAsVllmBenchDoes() throws Exception {
        fixture.scripts(i -> Script.tokens(3, 300, 20).emptyFirstChunkAt(50));

        ProbeMeasurement m = run("requests: 2, endpoint: chat, promptTokens: 8, maxTokens: 3");

        assertThat(metric(m, "ttft_max_ms")).isBetween(50.0, 290.0);
        assertThat(metric(m, "total_output_tokens")).isEqualTo(2 * 3);
        assertThat(metric(m, "total_input_tokens")).isEqualTo(2 * 8);
        assertThat(histogram(m, "itl").count()).isEqualTo(2 * 3);
        assertThat(fixture.bodies().get(0).path("messages").get(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void countsAsGoodOnlyRequestsThatMeetEverySlo() throws Exception {
        fixture.scripts(i -> i % 2 == 0 ? Script.tokens(5, 30, 10) : Script.tokens(5, 500, 10));

        ProbeMeasurement ttftOnly = run("requests: 6, promptTokens: 8, maxTokens: 5, goodput: { ttft_ms: 250 }");
        ProbeMeasurement ttftAndTpot = run(
                "requests: 2, promptTokens: 8, maxTokens: 5, goodput: { ttft_ms: 250, tpot_ms: 1 }");

        assertThat(metric(ttftOnly, "goodput_requests")).isEqualTo(3);
        assertThat(metric(ttftOnly, "goodput")).isCloseTo(3 / metric(ttftOnly, "duration_s"), within(1e-6));
        assertThat(metric(ttftAndTpot, "goodput_requests")).isZero();
    }

    @Test
    void leavesWarmUpRequestsOutOfEveryMetric() throws Exception {
        fixture.scripts(i -> i < 3 ? Script.tokens(4, 600, 5) : Script.tokens(4, 20, 5));

        ProbeMeasurement m = run("requests: 4, warmupRequests: 3, promptTokens: 8, maxTokens: 4");

        assertThat(fixture.completionRequests()).isEqualTo(7);
        assertThat(metric(m, "completed")).isEqualTo(4);
        assertThat(metric(m, "ttft_max_ms")).isLessThan(550);
        // vLLM bench warms up with its first prompt, over and over.
        List<String> prompts = fixture.bodies().stream().map(body -> body.path("prompt").asText()).toList();
        assertThat(prompts.subList(0, 3)).containsOnly(prompts.get(0));
        assertThat(prompts.subList(3, 7)).contains(prompts.get(0)).doesNotHaveDuplicates();
        assertThat(progress.snapshot().done()).isEqualTo(4);
        assertThat(metric(m, "warmup.requests")).isEqualTo(3);
        assertThat(metric(m, "warmup.errors")).isZero();
        assertThat(metric(m, "warmup.p50_ms")).as("the slow answers were the warm-up's").isGreaterThanOrEqualTo(600)
                .isLessThanOrEqualTo(metric(m, "warmup.p99_ms"));
        assertThat(metric(m, "warmup.s")).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void warmsUpWithOneRequestByDefault() throws Exception {
        fixture.scripts(i -> Script.tokens(2, 5, 5));

        ProbeMeasurement m = runAsWritten(fixture.url(), "requests: 2, promptTokens: 8, maxTokens: 2", Map.of());

        assertThat(fixture.completionRequests()).isEqualTo(3);
        assertThat(metric(m, "completed")).isEqualTo(2);
        assertThat(metric(m, "warmup.requests")).isEqualTo(1);
        assertThat(progress.snapshot().done()).isEqualTo(2);
    }

    @Test
    void sendsOnTheRateSchedule() throws Exception {
        fixture.scripts(i -> Script.tokens(2, 5, 5));

        ProbeMeasurement m = run("requests: 10, requestRate: 20, seed: 7, promptTokens: 4, maxTokens: 2");

        // The schedule is scaled so that the last request is sent exactly at requests / rate = 0.5 s.
        assertThat(metric(m, "duration_s")).isBetween(0.5, 5.0);
        assertThat(metric(m, "completed")).isEqualTo(10);
    }

    @Test
    void neverHasMoreRequestsInFlightThanMaxConcurrency() throws Exception {
        fixture.scripts(i -> Script.tokens(3, 150, 10));

        ProbeMeasurement capped = run("requests: 8, maxConcurrency: 2, promptTokens: 4, maxTokens: 3");

        assertThat(fixture.peakConcurrency()).isBetween(1, 2);
        assertThat(metric(capped, "max_concurrent_requests")).isBetween(1.0, 2.0);
        assertThat(metric(capped, "completed")).isEqualTo(8);
    }

    @Test
    void sendsEveryRequestAtOnceWithoutRateOrCap() throws Exception {
        fixture.scripts(i -> Script.tokens(3, 400, 10));

        run("requests: 6, promptTokens: 4, maxTokens: 3");

        assertThat(fixture.peakConcurrency()).isGreaterThan(2);
    }

    @Test
    void readsVllmsGaugesFromItsMetrics() throws Exception {
        fixture.scripts(i -> Script.tokens(3, 20, 5));

        ProbeMeasurement m = run("requests: 3, promptTokens: 4, maxTokens: 3, metrics: true");

        assertThat(metric(m, "server.gpu_memory_utilization")).isEqualTo(0.9);
        assertThat(metric(m, "server.kv_cache_usage_pct")).isCloseTo(42, within(1e-9));
        assertThat(metric(m, "server.kv_cache_usage_max_pct")).isCloseTo(42, within(1e-9));
        assertThat(metric(m, "server.num_requests_running")).isZero();
        assertThat(metric(m, "server.num_requests_waiting_max")).isZero();
        assertThat(metric(m, "server.num_preemptions")).isEqualTo(3);
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void readsPromptsFromAFileOfLinesOrJsonLines() throws Exception {
        Path prompts = folder.resolve("prompts.jsonl");
        Files.writeString(prompts, "Tell me about Redis.\n\n{\"prompt\": \"Two\\nlines\"}\n");

        ProbeMeasurement m = run("requests: 3, promptsFile: prompts.jsonl, maxTokens: 5");

        assertThat(fixture.bodies()).extracting(body -> body.path("prompt").asText())
                .containsExactlyInAnyOrder("Tell me about Redis.", "Two\nlines", "Tell me about Redis.");
        assertThat(fixture.bodies()).allSatisfy(body -> assertThat(body.has("ignore_eos")).isFalse());
        assertThat(metric(m, "total_input_tokens")).isEqualTo(4 + 2 + 4);
    }

    @Test
    void writesAMeasurementThatTheResultSchemaAccepts() throws Exception {
        fixture.scripts(i -> i == 0 ? Script.error(400, "{\"error\":{\"message\":\"bad\"}}")
                : Script.tokens(3, 10, 5));

        ProbeMeasurement m = run("requests: 3, maxConcurrency: 1, promptTokens: 4, maxTokens: 3, metrics: true,"
                + " goodput: { e2el_ms: 10000 }, percentiles: [25, 99.5]");

        JsonNode json = new ObjectMapper().readTree(ResultFiles.toJson(result(m)));
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "result.schema.json").toFile());
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json))
                .isEmpty();
        assertThat(m.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(m.latencies()).extracting(LatencyHistogram::name).containsExactly("ttft", "tpot", "itl", "e2el");
    }
}
