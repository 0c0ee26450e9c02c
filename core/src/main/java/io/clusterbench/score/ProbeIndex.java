package io.clusterbench.score;

import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The probes of one run by id, to find the probe a metric name ({@code probe.metric}) belongs to without walking
 * every probe: scoring looks up each objective in the run and in each baseline run, and a result may hold 20,000
 * probes (1,000 objectives took 20 million comparisons).
 *
 * @param run the run indexed
 */
record ProbeIndex(RunResult run, Map<String, ProbeMeasurement> byId) {

    ProbeIndex {
        byId = Map.copyOf(byId);
    }

    static ProbeIndex of(RunResult run) {
        Map<String, ProbeMeasurement> byId = new HashMap<>();
        for (ProbeMeasurement probe : run.probes()) {
            // A hand-written result may repeat an id: the first one counts, as it did in a walk over the probes.
            byId.putIfAbsent(probe.probe(), probe);
        }
        return new ProbeIndex(run, byId);
    }

    /**
     * The probe whose id is the longest prefix of {@code metric} followed by a dot and at least one more
     * character (ids may contain dots, so {@code a.b.p99_ms} belongs to probe {@code a.b} before {@code a}).
     */
    Optional<ProbeMeasurement> probeOf(String metric) {
        for (int dot = metric.lastIndexOf('.', metric.length() - 2); dot >= 0; dot = metric.lastIndexOf('.', dot - 1)) {
            ProbeMeasurement probe = byId.get(metric.substring(0, dot));
            if (probe != null) {
                return Optional.of(probe);
            }
        }
        return Optional.empty();
    }
}
