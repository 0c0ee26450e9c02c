package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters that turn a load probe (redis, http, openai) into a capacity search: {@code capacity} names the
 * load knob the search varies (the probe's own parameter, whose written value is the first load tried), {@code slo}
 * the conditions every round of a step must meet. See docs/probes.md#capacity-search.
 */
public final class CapacityParameters {

    public static final Parameter<List<String>> SLO = Parameter.words("slo", List.of());
    /**
     * The search stops bisecting when the lowest failed load is within this many percent above the highest passed
     * one: 5% by default, the accuracy the capacity is then known to.
     */
    public static final Parameter<Double> PRECISION = Parameter.real("capacityPrecision", new Range(0.1, true, 100,
            true)).byDefault(5.0).unit("percent");
    /**
     * The whole search's time limit, warm-ups and rounds of every step included: a step is not started when the
     * last step's time would take the search past it.
     */
    public static final Parameter<Duration> BUDGET = Parameter.length("capacityBudget")
            .byDefault(Duration.ofMinutes(5));
    /** The highest load tried; by default the knob's own upper limit. */
    public static final Parameter<Double> MAX = Parameter.real("capacityMax", Range.above(0))
            .byDefaultSaid("the knob's own limit");

    /** Metrics of every capacity search, whatever the kind (see docs/probes.md#capacity-search). */
    public static final List<String> METRICS = List.of("capacity_load", "capacity_failed_load", "capacity_steps",
            "capacity_search_s", "generator_limit_load");

    private CapacityParameters() {
    }

    /**
     * The kind's own capacity metrics, each the step metric it is read from at the highest load that passed:
     * {@code capacity_rps} from {@code requests_per_s} for http, and so on.
     */
    public static Map<String, String> throughputs(ProbeKind kind) {
        return switch (kind) {
            case HTTP -> Map.of("capacity_rps", "requests_per_s");
            case REDIS -> Map.of("capacity_ops_per_s", "ops_per_s");
            // Goodput as vllm bench serve --goodput defines it: only requests that met every TTFT/TPOT/E2EL limit.
            case OPENAI -> new TreeMap<>(Map.of("capacity_rps", "goodput", "capacity_tokens_per_s",
                    "goodput_tokens_per_s", "capacity_request_throughput", "request_throughput"));
            default -> Map.of();
        };
    }

    /**
     * The metric that says how much load the generator really offered at a step of knob {@code knob}, to tell a
     * generator that could not keep up from a server that could not; empty for knobs without an offered rate (a
     * closed model's concurrency: it offers whatever the server answers).
     */
    public static Optional<String> achieved(ProbeKind kind, String knob) {
        return knob.equals("rate") && (kind == ProbeKind.HTTP || kind == ProbeKind.REDIS) ? Optional.of("sent_per_s")
                : Optional.empty();
    }

    /** Adds the capacity metrics of {@code probe} to {@code names} when it searches. */
    static MetricNames.Builder addMetrics(MetricNames.Builder names, ProbeSpec probe) {
        if (searches(probe)) {
            names.names(METRICS).names(throughputs(probe.kind()).keySet());
        }
        return names;
    }

    /** The {@code capacity} parameter of a kind whose load knobs are {@code knobs}. */
    static Parameter<String> knob(String... knobs) {
        return Parameter.text("capacity", new ParameterType.Choice(List.of(knobs)));
    }

    /** Whether the probe searches its capacity. */
    public static boolean searches(ProbeSpec probe) {
        return probe.parameters().has("capacity");
    }

    /** The knob a capacity search varies, when the probe searches. */
    public static Optional<String> knob(ProbeSpec probe) {
        return probe.parameters().optionalString("capacity");
    }

    /** The SLO's conditions; each was checked by the spec loader. */
    public static List<SloCondition> slo(Parameters parameters) {
        return parameters.stringList(SLO.name()).stream()
                .map(text -> SloCondition.parse(text).orElseThrow(() -> new IllegalStateException(
                        "slo condition '" + text + "' is not " + SloCondition.EXAMPLE + "; check the spec with"
                                + " SpecLoader before running it")))
                .toList();
    }
}
