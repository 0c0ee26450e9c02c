package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** vLLM bench's calculate_metrics() on outcomes whose timings are known exactly. */
class ServingMetricsTest {
    private static final long MS = 1_000_000;

    /** 5 tokens: TTFT 100 ms, then four 10 ms gaps; usage 20 in, 5 out. */
    private static final RequestOutcome FIVE_TOKENS = succeeded(0, 100, new long[] {10, 10, 10, 10}, 20, 5);
    /** 1 token at 200 ms; usage 30 in, 1 out. */
    private static final RequestOutcome ONE_TOKEN = succeeded(50, 200, new long[0], 30, 1);
    /** 3 chunks: TTFT 50 ms, two 20 ms gaps; no usage. */
    private static final RequestOutcome NO_USAGE = succeeded(0, 50, new long[] {20, 20}, -1, -1);
    private static final List<RequestOutcome> OUTCOMES = List.of(FIVE_TOKENS, ONE_TOKEN, NO_USAGE,
            RequestOutcome.failed(0, ErrorKind.TIMEOUT, "stalled"), RequestOutcome.aborted(0));

    @Test
    void excludesTheFirstTokenFromTpotAndRequestsOfOneTokenFromItsStatistics() {
        Map<String, Double> m = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(), Map.of()));

        // (140 - 100) / (5 - 1) = 10 and (90 - 50) / (3 - 1) = 20; the one-token request has no TPOT.
        assertThat(m.get("tpot_mean_ms")).isCloseTo(15, within(1e-9));
        assertThat(m.get("tpot_max_ms")).isCloseTo(20, within(1e-9));
        assertThat(m.get("ttft_mean_ms")).isCloseTo((100 + 200 + 50) / 3.0, within(1e-9));
        assertThat(m.get("e2el_max_ms")).isCloseTo(200, within(1e-9));
    }

    @Test
    void poolsTheGapsOfEveryRequestForItl() {
        Map<String, Double> m = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(), Map.of()));

        assertThat(m.get("itl_mean_ms")).isCloseTo(80 / 6.0, within(1e-9));
        assertThat(m.get("itl_median_ms")).isCloseTo(10, within(1e-9));
    }

    @Test
    void countsTokensFromUsageAndChunksWhenUsageIsMissing() {
        ServingMetrics.Report report = ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(), Map.of());
        Map<String, Double> m = metrics(report);

        assertThat(m.get("completed")).isEqualTo(3);
        assertThat(m.get("failed")).isEqualTo(1);
        assertThat(m.get("total_output_tokens")).isEqualTo(5 + 1 + 3);
        assertThat(m.get("total_input_tokens")).isEqualTo(20 + 30 + 16);
        assertThat(m.get("request_throughput")).isCloseTo(1.5, within(1e-9));
        assertThat(m.get("output_throughput")).isCloseTo(4.5, within(1e-9));
        assertThat(m.get("input_throughput")).isCloseTo(33, within(1e-9));
        assertThat(m.get("total_token_throughput")).isCloseTo(37.5, within(1e-9));
        assertThat(report.withoutUsage()).isEqualTo(1);
    }

    @Test
    void leavesInputTokensOutWhenAPromptsLengthIsUnknown() {
        Map<String, Double> m = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, -1, List.of(), Map.of()));

        assertThat(m).doesNotContainKeys("total_input_tokens", "input_throughput", "total_token_throughput")
                .containsKey("output_throughput");
    }

    @Test
    void judgesGoodputOnEverySloGivenWithTpotZeroForOneTokenRequests() {
        Map<String, Double> tpot = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(),
                Map.of("tpot_ms", 12.0)));
        Map<String, Double> both = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(),
                Map.of("tpot_ms", 12.0, "ttft_ms", 150.0)));

        assertThat(tpot.get("goodput_requests")).isEqualTo(2);
        assertThat(tpot.get("goodput")).isCloseTo(1.0, within(1e-9));
        assertThat(both.get("goodput_requests")).isEqualTo(1);
        // 2 good of 4 measured (the failed one is not good; the aborted one was never measured), with 5 + 1 tokens.
        assertThat(tpot.get("good_pct")).isCloseTo(50, within(1e-9));
        assertThat(tpot.get("goodput_tokens_per_s")).isCloseTo(3, within(1e-9));
        assertThat(metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(), Map.of())))
                .doesNotContainKeys("goodput", "goodput_requests", "good_pct", "goodput_tokens_per_s");
    }

    @Test
    void findsThePeakOfRequestsInFlightAndOfChunksPerSecond() {
        Map<String, Double> m = metrics(ServingMetrics.of(OUTCOMES, 2_000 * MS, 16, List.of(), Map.of()));

        assertThat(m.get("max_concurrent_requests")).isEqualTo(3);
        assertThat(m.get("max_output_tokens_per_s")).isEqualTo(5 + 1 + 3);
        RequestOutcome later = succeeded(1_500, 100, new long[] {10}, 4, 2);
        assertThat(ServingMetrics.maxConcurrent(List.of(FIVE_TOKENS, later))).isEqualTo(1);
    }

    @Test
    void reportsCountsButNoLatencyWhenEveryRequestFailed() {
        Map<String, Double> m = metrics(ServingMetrics.of(List.of(RequestOutcome.failed(0, ErrorKind.PROTOCOL, "x")),
                MS, 16, List.of(), Map.of()));

        assertThat(m).containsEntry("completed", 0.0).containsEntry("failed", 1.0)
                .doesNotContainKeys("ttft_mean_ms", "max_concurrent_requests");
    }

    private static RequestOutcome succeeded(long startMs, long ttftMs, long[] gapsMs, int prompt, int completion) {
        long[] gaps = new long[gapsMs.length];
        long latency = ttftMs;
        for (int i = 0; i < gapsMs.length; i++) {
            gaps[i] = gapsMs[i] * MS;
            latency += gapsMs[i];
        }
        return new RequestOutcome(RequestOutcome.Status.SUCCEEDED, startMs * MS, ttftMs * MS, latency * MS, gaps,
                prompt, completion, null, "");
    }

    private static Map<String, Double> metrics(ServingMetrics.Report report) {
        return report.metrics().stream().collect(Collectors.toMap(MetricValue::name, MetricValue::value));
    }
}
