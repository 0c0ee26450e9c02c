package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * One number a probe measured, with its unit.
 *
 * <p>A metric that could not be measured is absent, never zero: objectives treat absence as NODATA.
 *
 * @param name the name within its probe, such as {@code get.p99_ms} or {@code used_memory}; objectives address
 *     it as {@code probe.name}
 * @param value the measured value; finite, and required in result.json (a file without it, or with null, is
 *     refused: absence is how a metric that was not measured is written)
 * @param unit the unit: {@code ms}, {@code us}, {@code bytes}, {@code percent}, {@code ratio}, {@code ops/s},
 *     {@code count}, ...
 * @param labels extra dimensions, such as a GPU index or a PromQL series' labels
 */
public record MetricValue(String name, @JsonProperty(required = true) double value, String unit,
        Map<String, String> labels) {

    public MetricValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be finite, got " + value
                    + "; leave a metric out when it could not be measured");
        }
        labels = Map.copyOf(labels);
    }

    /** A metric without labels. */
    public static MetricValue of(String name, double value, String unit) {
        return new MetricValue(name, value, unit, Map.of());
    }
}
