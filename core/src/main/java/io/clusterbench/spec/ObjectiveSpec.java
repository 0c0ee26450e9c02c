package io.clusterbench.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one metric must reach: a pass criterion, an optional looser warning criterion, its weight in the score,
 * whether failing it fails the run whatever the score ({@code key}), what to do without data, and whether a load
 * that certainly fails it is aborted early ({@code abortOnFail}, after {@code abortGrace}; docs/spec.md).
 *
 * @param abortGrace present when the objective aborts its probe's load: how long it must have failed, from the
 *     first measured answer on, before the load is aborted
 */
public record ObjectiveSpec(
        String metric,
        Criterion pass,
        Optional<Criterion> warning,
        double weight,
        boolean key,
        NoDataPolicy noData,
        Optional<Duration> abortGrace,
        SpecLocation location) {

    public ObjectiveSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(noData, "noData");
        Objects.requireNonNull(abortGrace, "abortGrace");
        Objects.requireNonNull(location, "location");
    }

    /** The objective without an abort, as the scoring of an earlier spec's objectives sees it. */
    public ObjectiveSpec(String metric, Criterion pass, Optional<Criterion> warning, double weight, boolean key,
            NoDataPolicy noData, SpecLocation location) {
        this(metric, pass, warning, weight, key, noData, Optional.empty(), location);
    }
}
