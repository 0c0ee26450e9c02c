package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The openai probe: an OpenAI-compatible server loaded and measured as {@code vllm bench serve} does. */
public final class OpenAiDescriptor implements ProbeDescriptor {

    public static final List<String> ENDPOINTS = List.of("completions", "chat");
    public static final List<String> GOODPUT_KEYS = List.of("ttft_ms", "tpot_ms", "e2el_ms");
    /** The latencies whose statistics are metrics, by prefix. */
    public static final List<String> LATENCIES = List.of("ttft_", "tpot_", "itl_", "e2el_");

    /** Every prompt and arrival time is made before the run and held in memory. */
    private static final long MAX_REQUESTS = 1_000_000;
    /** Each request in flight has a thread of its own. */
    private static final long MAX_IN_FLIGHT = 10_000;
    /** Past any model's context; a prompt of this many words is built in memory per request. */
    private static final long TOKEN_LIMIT = 1_000_000;

    public static final Parameter<String> ENDPOINT = Parameter.text("endpoint", new ParameterType.Choice(ENDPOINTS))
            .byDefault("completions");
    public static final Parameter<Long> REQUESTS = Parameter.whole("requests", 1, MAX_REQUESTS).byDefault(100L);
    public static final Parameter<Double> REQUEST_RATE = Parameter.real("requestRate", Range.above(0))
            .byDefaultSaid("none: all at once").unit("req/s");
    public static final Parameter<Double> BURSTINESS = Parameter.real("burstiness", Range.above(0)).byDefault(1.0);
    public static final Parameter<Long> MAX_CONCURRENCY = Parameter.whole("maxConcurrency", 1, MAX_IN_FLIGHT)
            .byDefaultSaid("none").unit("requests");
    /** vLLM bench's random dataset: {@code --random-input-len 1024}, {@code --random-output-len 128}. */
    public static final Parameter<Long> PROMPT_TOKENS = Parameter.whole("promptTokens", 1, TOKEN_LIMIT)
            .byDefault(1024L).unit("words");
    public static final Parameter<Long> MAX_TOKENS = Parameter.whole("maxTokens", 1, TOKEN_LIMIT)
            .byDefault(128L).unit("tokens");
    public static final List<String> LENGTH_DISTRIBUTIONS = List.of("uniform", "normal");
    /**
     * vLLM bench's {@code --random-range-ratio}: each request's prompt length and {@code max_tokens} are drawn from
     * {@code [n x (1 - r), n x (1 + r)]} around {@code promptTokens} and {@code maxTokens}; 0 keeps them fixed.
     */
    public static final Parameter<Double> RANGE_RATIO = Parameter.real("rangeRatio", new Range(0, true, 1, false))
            .byDefault(0.0);
    /** How lengths are drawn within the range: uniformly (as vLLM), or normal around n and cut at the range. */
    public static final Parameter<String> LENGTHS = Parameter.text("lengths",
            new ParameterType.Choice(LENGTH_DISTRIBUTIONS)).byDefault("uniform");
    /** vLLM's {@code ignore_eos}: generate exactly max_tokens; vLLM bench forces it for its random dataset. */
    public static final Parameter<Boolean> IGNORE_EOS = Parameter.flag("ignoreEos")
            .byDefaultSaid("`true` for generated prompts, `false` with a promptsFile");
    /**
     * Warm-up requests are sent all at once (within maxConcurrency), a thread each. One by default (vLLM bench's
     * default is none): it opens the client's connection and makes the server do its lazy first-request work
     * (tokenizer, first kernels of the shape, the prompt's prefix-cache entry), which otherwise lands in the
     * first measured request's TTFT; one request costs one end-to-end latency, a little of the load's time.
     */
    public static final Parameter<Long> WARMUP_REQUESTS = Parameter.whole("warmupRequests", 0, MAX_IN_FLIGHT)
            .byDefault(1L);
    public static final Parameter<Long> SEED = Parameter.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE).byDefault(0L);
    public static final Parameter<String> PROMPTS_FILE = Parameter.text("promptsFile", new ParameterType.FilePath());
    public static final Parameter<List<Double>> PERCENTILES = Parameter.reals("percentiles",
            new Range(0, false, 100, false));
    public static final Parameter<Map<String, Double>> GOODPUT = Parameter.map("goodput",
            new ParameterType.RealMap(GOODPUT_KEYS, Range.above(0)));
    public static final Parameter<Boolean> METRICS = Parameter.flag("metrics").byDefault(false);
    public static final Parameter<Duration> TIMEOUT = Parameter.length("timeout").byDefault(Duration.ofSeconds(60));
    public static final Parameter<String> CAPACITY = CapacityParameters.knob("requestRate", "maxConcurrency");
    /**
     * Steps or a ramp of the request rate instead of {@code requestRate} and {@code requests}: each level sends
     * rate x length requests (docs/probes.md). The same spec as http's profiles, read by the same binder.
     */
    public static final Parameter<LoadProfile> PROFILE = Parameter.profile("profile", new ParameterType.Profile(
            List.of("requestRate"), List.of(((ParameterType.Real) REQUEST_RATE.type()).range()), List.of(), true));
    /** What each level of a profile reports as {@code stepN.}name, beside its rate and length. */
    public static final List<String> STEP_METRICS = List.of("completed", "failed", "request_throughput",
            "output_throughput", "ttft_median_ms", "ttft_p99_ms", "tpot_median_ms", "tpot_p99_ms", "e2el_p99_ms");
    /** With goodput, each level also reports these. */
    public static final List<String> STEP_GOODPUT_METRICS = List.of("goodput", "good_pct", "goodput_tokens_per_s");

    private static final ParameterTable TABLE = ParameterTable.builder()
            .add(ENDPOINT, REQUESTS, REQUEST_RATE, BURSTINESS, MAX_CONCURRENCY, PROMPT_TOKENS, MAX_TOKENS,
                    RANGE_RATIO, LENGTHS, IGNORE_EOS, WARMUP_REQUESTS, LoadParameters.ROUNDS, SEED, PROMPTS_FILE,
                    PERCENTILES, GOODPUT, METRICS, TIMEOUT, PROFILE, CAPACITY, CapacityParameters.SLO,
                    CapacityParameters.PRECISION, CapacityParameters.BUDGET, CapacityParameters.MAX)
            .rule(ParameterTable.RuleKind.AT_MOST_ONE, "requestRate", "profile")
            .rule(ParameterTable.RuleKind.AT_MOST_ONE, "requests", "profile")
            .rule(ParameterTable.RuleKind.AT_MOST_ONE, "capacity", "profile")
            .build();

    @Override
    public String word() {
        return "openai";
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        Parameters p = probe.parameters();
        MetricNames.Builder names = MetricNames.builder().name("completed", "failed", "duration_s",
                "total_input_tokens", "total_output_tokens", "request_throughput", "input_throughput",
                "output_throughput", "total_token_throughput");
        boolean withGoodput = !GOODPUT.optionalIn(p).orElse(Map.of()).isEmpty();
        if (withGoodput) {
            names.name("goodput", "goodput_requests", "good_pct", "goodput_tokens_per_s");
        }
        PROFILE.optionalIn(p).filter(profile -> !profile.continuous()).ifPresent(profile -> {
            List<String> perStep = new java.util.ArrayList<>(List.of(profile.knob(), "s"));
            perStep.addAll(STEP_METRICS);
            if (withGoodput) {
                perStep.addAll(STEP_GOODPUT_METRICS);
            }
            for (int step = 1; step <= profile.levels().size(); step++) {
                names.names("step" + step + ".", perStep);
            }
        });
        names.name("max_output_tokens_per_s", "max_concurrent_requests");
        List<String> extra = PERCENTILES.optionalIn(p).orElse(List.of()).stream()
                .map(OpenAiDescriptor::percentileLabel).toList();
        for (String latency : LATENCIES) {
            names.latency(latency).name(latency + "std_ms");
            extra.forEach(label -> names.name(latency + label + "_ms"));
        }
        names.name("health_ms").warmup("requests");
        if (METRICS.in(p)) {
            names.names("server.", List.of("kv_cache_usage_pct", "kv_cache_usage_max_pct", "num_requests_running",
                    "num_requests_running_max", "num_requests_waiting", "num_requests_waiting_max",
                    "gpu_memory_utilization", "num_preemptions"));
        }
        return CapacityParameters.addMetrics(names, probe).build();
    }

    /** {@code p99}, {@code p999} for 99.9 (as every probe names it), {@code p99.5} for other fractions. */
    public static String percentileLabel(double percentile) {
        if (percentile == 99.9) {
            return "p999";
        }
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }
}
