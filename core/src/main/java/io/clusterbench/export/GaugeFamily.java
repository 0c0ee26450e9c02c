package io.clusterbench.export;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One gauge family being filled. The first data point of a label set is kept and later ones are dropped: a family
 * with the same label set twice is refused by the client library and by the Pushgateway, and a result can hold a
 * metric twice (a PromQL probe's series that differ only in labels the export leaves out).
 */
final class GaugeFamily {
    private final String name;
    private final String help;
    private final Unit unit;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();
    private final Set<Labels> seen = new HashSet<>();

    GaugeFamily(String name, String help) {
        this(name, help, null);
    }

    /** A family with an OpenMetrics unit; its name ends with that unit, as OpenMetrics requires. */
    GaugeFamily(String name, String help, Unit unit) {
        this.name = name;
        this.help = help;
        this.unit = unit;
    }

    /** Adds a point, unless a point with the same labels is already there. */
    void add(Labels labels, double value) {
        if (seen.add(labels)) {
            points.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
        }
    }

    /**
     * Adds one point per state, {@code 1} for the current one and {@code 0} for the others, under the label
     * {@code stateLabel}: the shape of an OpenMetrics state set, written as a gauge so that the Prometheus text
     * format (what the Pushgateway takes) carries it too and queries read {@code verdict="fail"} rather than a label
     * named after the metric.
     */
    void states(Labels labels, String stateLabel, List<String> states, String current) {
        for (String state : states) {
            add(labels.add(stateLabel, state), state.equals(current) ? 1 : 0);
        }
    }

    /** The family, or empty when it has no point: a family without samples tells a reader nothing. */
    Optional<GaugeSnapshot> build() {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            builder.unit(unit);
        }
        points.forEach(builder::dataPoint);
        return Optional.of(builder.build());
    }
}
