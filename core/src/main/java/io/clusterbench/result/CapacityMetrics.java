package io.clusterbench.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which metrics are a capacity search's answer, by name, so that headlines, summaries, trends and the Jenkins step
 * treat every kind's capacity alike: {@code capacity_load} (the knob's value that passed) and each kind's own
 * {@code capacity_*} metric ({@code capacity_rps}, {@code capacity_ops_per_s}, {@code capacity_tokens_per_s},
 * {@code capacity_request_throughput}, and any a new kind adds). The search's bookkeeping
 * ({@code capacity_failed_load}, {@code capacity_steps}, {@code capacity_search_s}) is not an answer.
 */
public final class CapacityMetrics {

    /** The knob's value at the highest load that passed, in the knob's unit. */
    public static final String LOAD = "capacity_load";
    private static final String PREFIX = "capacity_";
    private static final Set<String> BOOKKEEPING = Set.of("capacity_failed_load", "capacity_steps",
            "capacity_search_s");

    private CapacityMetrics() {
    }

    /** Whether {@code metricName} (a probe's own name, without the probe id) is a capacity the search found. */
    public static boolean isCapacity(String metricName) {
        return metricName.startsWith(PREFIX) && !BOOKKEEPING.contains(metricName);
    }

    /**
     * One probe's capacity as a CI step hands it on: the search's outcome and statement, and its capacity metrics
     * (none when the search found no capacity, so nothing reads as one that is not).
     *
     * @param probe the probe id
     * @param outcome the search's outcome, such as {@code found} or {@code generator-limit} ({@link CapacityCurve})
     * @param knob the load parameter varied, such as {@code rate}
     * @param statement the search's conclusion in one sentence
     * @param values each capacity metric with its value and unit, {@link #LOAD} first, then by name
     */
    public record Capacity(String probe, String outcome, String knob, String statement, List<MetricValue> values) {
        public Capacity {
            values = List.copyOf(values);
        }

        /**
         * The capacity in one line for a build summary: {@code lb: capacity_load 100 req/s (rate), capacity_rps 98.5
         * req/s}, or, when the search found none, {@code far: no capacity (generator-limit): } and its statement.
         */
        public String line() {
            if (values.isEmpty()) {
                return probe + ": no capacity (" + outcome + "): " + statement;
            }
            List<String> parts = new ArrayList<>();
            for (MetricValue value : values) {
                parts.add(value.name() + " " + Numbers.withUnit(value.value(), value.unit())
                        + (value.name().equals(LOAD) ? " (" + knob + ")" : ""));
            }
            return probe + ": " + String.join(", ", parts);
        }
    }

    /** The capacity of every probe of {@code result} that searched for one, in run order. */
    public static List<Capacity> of(RunResult result) {
        List<Capacity> capacities = new ArrayList<>();
        for (ProbeMeasurement probe : result.probes()) {
            CapacityCurve curve = probe.capacity();
            if (curve == null) {
                continue;
            }
            Map<String, MetricValue> values = new LinkedHashMap<>();
            probe.metrics().stream().filter(m -> m.name().equals(LOAD)).findFirst()
                    .ifPresent(m -> values.put(m.name(), m));
            probe.metrics().stream().filter(m -> isCapacity(m.name()))
                    .sorted((a, b) -> a.name().compareTo(b.name())).forEach(m -> values.putIfAbsent(m.name(), m));
            capacities.add(new Capacity(probe.probe(), curve.outcome(), curve.knob(), curve.statement(),
                    List.copyOf(values.values())));
        }
        return capacities;
    }
}
