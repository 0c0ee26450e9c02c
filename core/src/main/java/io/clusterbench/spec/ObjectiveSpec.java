package io.clusterbench.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * What one metric must reach: a pass criterion, an optional looser warning criterion, its weight in the score,
 * whether failing it fails the run whatever the score ({@code key}), and what to do without data.
 */
public record ObjectiveSpec(
        String metric,
        Criterion pass,
        Optional<Criterion> warning,
        double weight,
        boolean key,
        NoDataPolicy noData,
        SpecLocation location) {

    public ObjectiveSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(noData, "noData");
        Objects.requireNonNull(location, "location");
    }
}
