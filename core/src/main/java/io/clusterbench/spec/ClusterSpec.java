package io.clusterbench.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole cluster spec: what the cluster is made of, what to measure, what to change and what counts as good.
 *
 * <p>Maps keep the order of the file. {@code baseline} says where relative objectives take their baseline from;
 * {@code trend} which metrics the trends chart.
 */
public record ClusterSpec(
        String name,
        Map<String, HostSpec> hosts,
        Map<String, ServiceSpec> services,
        Map<String, ProbeSpec> probes,
        List<ActionSpec> tuning,
        List<ObjectiveSpec> objectives,
        ScoreThresholds score,
        RunSettings settings,
        BaselineSettings baseline,
        TrendSettings trend) {

    public ClusterSpec {
        Objects.requireNonNull(name, "name");
        hosts = ordered(hosts);
        services = ordered(services);
        probes = ordered(probes);
        tuning = List.copyOf(tuning);
        objectives = List.copyOf(objectives);
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(trend, "trend");
    }

    /** A spec without a {@code trend:} section. */
    public ClusterSpec(String name, Map<String, HostSpec> hosts, Map<String, ServiceSpec> services,
            Map<String, ProbeSpec> probes, List<ActionSpec> tuning, List<ObjectiveSpec> objectives,
            ScoreThresholds score, RunSettings settings, BaselineSettings baseline) {
        this(name, hosts, services, probes, tuning, objectives, score, settings, baseline, TrendSettings.NONE);
    }

    /** A spec with the default baseline settings and no {@code trend:} section. */
    public ClusterSpec(String name, Map<String, HostSpec> hosts, Map<String, ServiceSpec> services,
            Map<String, ProbeSpec> probes, List<ActionSpec> tuning, List<ObjectiveSpec> objectives,
            ScoreThresholds score, RunSettings settings) {
        this(name, hosts, services, probes, tuning, objectives, score, settings, BaselineSettings.DEFAULT);
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
