package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.ProbeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Chooses which probes run and which may run side by side. */
final class ProbeSelection {

    private ProbeSelection() {
    }

    /** The spec's probes in spec order, or only the named ones; an unknown name is a user error. */
    static List<ProbeSpec> select(ClusterSpec spec, List<String> only) throws ClusterBenchException {
        if (only.isEmpty()) {
            return List.copyOf(spec.probes().values());
        }
        List<String> unknown = only.stream().filter(id -> !spec.probes().containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ClusterBenchException(Kind.INVALID_SPEC, "--only names no probe of the spec: "
                    + String.join(", ", unknown) + "; the spec's probes are: "
                    + String.join(", ", spec.probes().keySet()));
        }
        return spec.probes().values().stream().filter(probe -> only.contains(probe.id())).toList();
    }

    /**
     * Groups probes by what they put load on: the same service, or the same hosts. Probes of one group run one
     * after another, since two loads on one target would distort each other's latencies.
     */
    static List<List<ProbeSpec>> groupByLoadedTarget(List<ProbeSpec> probes) {
        Map<String, List<ProbeSpec>> groups = new LinkedHashMap<>();
        for (ProbeSpec probe : probes) {
            String target = probe.service()
                    .map(service -> "service:" + service)
                    .orElseGet(() -> "hosts:" + new TreeSet<>(probe.hosts()));
            groups.computeIfAbsent(target, key -> new ArrayList<>()).add(probe);
        }
        return List.copyOf(groups.values());
    }
}
