package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.CapacityMetrics;
import io.clusterbench.result.MetricValue;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One probe's capacity as it crosses from the agent to the controller: core's {@link CapacityMetrics.Capacity} in
 * plain serialisable fields ({@link TreeMap}s for the remoting class filter, as {@link BenchmarkOutcome} explains).
 */
public final class CapacityLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String probe;
    private final String outcome;
    private final String knob;
    private final String statement;
    private final String line;
    private final TreeMap<String, Double> values = new TreeMap<>();
    private final TreeMap<String, String> units = new TreeMap<>();

    private CapacityLine(CapacityMetrics.Capacity capacity) {
        this.probe = capacity.probe();
        this.outcome = capacity.outcome();
        this.knob = capacity.knob();
        this.statement = capacity.statement();
        this.line = capacity.line();
        for (MetricValue value : capacity.values()) {
            values.put(value.name(), value.value());
            units.put(value.name(), value.unit());
        }
    }

    static CapacityLine of(CapacityMetrics.Capacity capacity) {
        return new CapacityLine(capacity);
    }

    /** The probe id. */
    public String getProbe() {
        return probe;
    }

    /** The summary line the build page shows, core's {@link CapacityMetrics.Capacity#line()}. */
    public String getLine() {
        return line;
    }

    /**
     * The entry of {@code capacities} that {@code benchmarkCluster} returns for this probe (docs/jenkins.md): the
     * search's {@code outcome}, {@code knob} and {@code statement}, and {@code metrics}, each capacity metric as
     * {@code [value: 98.5, unit: 'req/s']}; empty when the search found no capacity.
     */
    Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", outcome);
        map.put("knob", knob);
        map.put("statement", statement);
        Map<String, Object> metrics = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> withUnit = new LinkedHashMap<>();
            withUnit.put("value", value);
            withUnit.put("unit", units.get(name));
            metrics.put(name, withUnit);
        });
        map.put("metrics", metrics);
        return map;
    }
}
