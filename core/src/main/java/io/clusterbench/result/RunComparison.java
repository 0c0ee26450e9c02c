package io.clusterbench.result;

import java.util.List;
import java.util.Objects;

/**
 * A run compared with an earlier run on the same workload: the proof, or disproof, that tuning helped.
 *
 * @param beforeRunId the earlier run
 * @param metrics the metrics compared, objectives' metrics first
 * @param regressed whether any key objective's metric got significantly worse
 * @param rolledBack whether the tuning was rolled back because of that ({@code rollbackIfWorse: true})
 * @param explanation one sentence with the numbers
 */
public record RunComparison(String beforeRunId, List<MetricComparison> metrics, boolean regressed, boolean rolledBack,
        String explanation) {

    public RunComparison {
        Objects.requireNonNull(beforeRunId, "beforeRunId");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(explanation, "explanation");
    }
}
