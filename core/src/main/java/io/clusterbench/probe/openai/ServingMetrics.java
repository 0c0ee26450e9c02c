package io.clusterbench.probe.openai;

import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns request outcomes into the numbers of {@code vllm bench serve}, following its {@code calculate_metrics()}
 * (vllm/benchmarks/serve.py) line by line; docs/probes.md gives every definition.
 */
final class ServingMetrics {
    private static final double NANOS_PER_MS = 1e6;
    private static final double NANOS_PER_S = 1e9;
    static final long HIGHEST_MICROS = 3_600_000_000L;

    /**
     * The metrics and histograms of a run.
     *
     * @param metrics in a stable order
     * @param histograms ttft, tpot, itl and e2el in microseconds, for merging runs
     * @param withoutUsage successful requests whose stream carried no usage (their output length was counted in
     *     chunks)
     */
    record Report(List<MetricValue> metrics, List<LatencyHistogram> histograms, int withoutUsage) {
    }

    private ServingMetrics() {
    }

    /**
     * @param outcomes the measured requests (aborted ones are ignored)
     * @param durationNanos the run's wall time, vLLM's {@code dur_s}
     * @param plannedPromptTokens the prompt length to assume when a server sends no usage; -1 when unknown, which
     *     leaves the input token metrics out
     * @param percentiles extra percentiles
     * @param goodput SLOs in ms by {@code ttft_ms}, {@code tpot_ms}, {@code e2el_ms}; empty for no goodput
     */
    static Report of(List<RequestOutcome> outcomes, long durationNanos, int plannedPromptTokens,
            List<Double> percentiles, Map<String, Double> goodput) {
        List<RequestOutcome> succeeded = outcomes.stream().filter(RequestOutcome::succeeded).toList();
        long failed = outcomes.stream().filter(o -> o.status() == RequestOutcome.Status.FAILED).count();
        int completed = succeeded.size();

        long totalInput = 0;
        long totalOutput = 0;
        boolean inputKnown = true;
        int withoutUsage = 0;
        int good = 0;
        long goodOutput = 0;
        double[] ttfts = new double[completed];
        double[] e2els = new double[completed];
        List<Double> tpots = new ArrayList<>();
        List<Double> itls = new ArrayList<>();
        for (int i = 0; i < completed; i++) {
            RequestOutcome outcome = succeeded.get(i);
            int outputLen = outcome.completionTokens();
            if (outputLen <= 0) {
                // vLLM re-tokenizes the generated text here; without a tokenizer, one token per chunk is the
                // closest count (exact unless the server bundles tokens, as speculative decoding does).
                if (outputLen < 0) {
                    withoutUsage++;
                }
                outputLen = outcome.tokenChunks();
            }
            totalOutput += outputLen;
            int promptLen = outcome.promptTokens() >= 0 ? outcome.promptTokens() : plannedPromptTokens;
            if (promptLen < 0) {
                inputKnown = false;
            } else {
                totalInput += promptLen;
            }
            ttfts[i] = outcome.ttftNanos() / NANOS_PER_MS;
            e2els[i] = outcome.latencyNanos() / NANOS_PER_MS;
            double tpot = 0;
            if (outputLen > 1) {
                tpot = (outcome.latencyNanos() - outcome.ttftNanos()) / NANOS_PER_MS / (outputLen - 1);
                tpots.add(tpot);
            }
            for (long gap : outcome.itlNanos()) {
                itls.add(gap / NANOS_PER_MS);
            }
            // A request of one token has tpot 0 for goodput, as in vLLM.
            if (isGood(goodput, ttfts[i], tpot, e2els[i])) {
                good++;
                goodOutput += outputLen;
            }
        }

        List<MetricValue> metrics = new ArrayList<>();
        metrics.add(MetricValue.of("completed", completed, "count"));
        metrics.add(MetricValue.of("failed", failed, "count"));
        double seconds = durationNanos / NANOS_PER_S;
        if (seconds > 0) {
            metrics.add(MetricValue.of("duration_s", seconds, "s"));
            if (inputKnown) {
                metrics.add(MetricValue.of("total_input_tokens", totalInput, "count"));
            }
            metrics.add(MetricValue.of("total_output_tokens", totalOutput, "count"));
            metrics.add(MetricValue.of("request_throughput", completed / seconds, "req/s"));
            if (inputKnown) {
                metrics.add(MetricValue.of("input_throughput", totalInput / seconds, "tok/s"));
            }
            metrics.add(MetricValue.of("output_throughput", totalOutput / seconds, "tok/s"));
            if (inputKnown) {
                metrics.add(MetricValue.of("total_token_throughput", (totalInput + totalOutput) / seconds,
                        "tok/s"));
            }
            if (!goodput.isEmpty()) {
                metrics.add(MetricValue.of("goodput", good / seconds, "req/s"));
                metrics.add(MetricValue.of("goodput_requests", good, "count"));
                // DistServe's "SLO attainment": the share of every measured request (failed ones included, as they
                // are not good) that met every SLO; a capacity search bounds it, such as good_pct >= 90.
                if (completed + failed > 0) {
                    metrics.add(MetricValue.of("good_pct", 100.0 * good / (completed + failed), "percent"));
                }
                metrics.add(MetricValue.of("goodput_tokens_per_s", goodOutput / seconds, "tok/s"));
            }
        }
        if (completed > 0) {
            metrics.add(MetricValue.of("max_output_tokens_per_s", maxOutputChunksPerSecond(succeeded), "tok/s"));
            metrics.add(MetricValue.of("max_concurrent_requests", maxConcurrent(succeeded), "count"));
        }
        double[] tpotArray = tpots.stream().mapToDouble(Double::doubleValue).toArray();
        double[] itlArray = itls.stream().mapToDouble(Double::doubleValue).toArray();
        metrics.addAll(SampleStats.millis("ttft_", ttfts, percentiles));
        metrics.addAll(SampleStats.millis("tpot_", tpotArray, percentiles));
        metrics.addAll(SampleStats.millis("itl_", itlArray, percentiles));
        metrics.addAll(SampleStats.millis("e2el_", e2els, percentiles));

        List<LatencyHistogram> histograms = new ArrayList<>();
        addHistogram(histograms, "ttft", ttfts);
        addHistogram(histograms, "tpot", tpotArray);
        addHistogram(histograms, "itl", itlArray);
        addHistogram(histograms, "e2el", e2els);
        return new Report(metrics, histograms, withoutUsage);
    }

    /** All the SLOs given hold: each is at least the request's measured value. */
    private static boolean isGood(Map<String, Double> slo, double ttftMs, double tpotMs, double e2elMs) {
        if (slo.isEmpty()) {
            return false;
        }
        return slo.getOrDefault("ttft_ms", Double.POSITIVE_INFINITY) >= ttftMs
                && slo.getOrDefault("tpot_ms", Double.POSITIVE_INFINITY) >= tpotMs
                && slo.getOrDefault("e2el_ms", Double.POSITIVE_INFINITY) >= e2elMs;
    }

    /**
     * vLLM's {@code max_output_tokens_per_s}: chunk arrival times (start + ttft, then each gap added) counted in
     * one-second buckets from the earliest start; the fullest bucket. Like vLLM, it counts chunks.
     */
    static long maxOutputChunksPerSecond(List<RequestOutcome> succeeded) {
        long earliest = succeeded.stream().mapToLong(RequestOutcome::startNanos).min().orElse(0);
        Map<Long, Long> buckets = new HashMap<>();
        for (RequestOutcome outcome : succeeded) {
            long time = outcome.startNanos() + outcome.ttftNanos();
            buckets.merge((time - earliest) / (long) NANOS_PER_S, 1L, Long::sum);
            for (long gap : outcome.itlNanos()) {
                time += gap;
                buckets.merge((time - earliest) / (long) NANOS_PER_S, 1L, Long::sum);
            }
        }
        return buckets.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * vLLM's {@code max_concurrent_requests}: the peak number of successful requests in flight, by a sweep over
     * the half-open intervals [start, start + e2el), an end sorting before a start at the same instant.
     */
    static int maxConcurrent(List<RequestOutcome> succeeded) {
        List<long[]> events = new ArrayList<>();
        for (RequestOutcome outcome : succeeded) {
            events.add(new long[] {outcome.startNanos(), 1});
            events.add(new long[] {outcome.startNanos() + outcome.latencyNanos(), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int peak = 0;
        for (long[] event : events) {
            current += (int) event[1];
            peak = Math.max(peak, current);
        }
        return peak;
    }

    private static void addHistogram(List<LatencyHistogram> histograms, String name, double[] millis) {
        if (millis.length == 0) {
            return;
        }
        Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        for (double value : millis) {
            micros.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, Math.round(value * 1000))));
        }
        histograms.add(LatencyHistogram.of(name, "us", micros));
    }
}
