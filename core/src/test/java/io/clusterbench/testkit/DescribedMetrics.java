package io.clusterbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.MetricNames;
import io.clusterbench.spec.ProbeSpec;
import java.util.List;

/**
 * Holds a probe's descriptor to what the probe really wrote: the probe tests pass every measurement through here,
 * so a metric the descriptor does not name (and that validation would therefore refuse in an objective) fails the
 * test that produced it.
 */
public final class DescribedMetrics {

    private DescribedMetrics() {
    }

    /** {@code measurement}, after asserting that the descriptor of {@code probe}'s kind names each of its metrics. */
    public static ProbeMeasurement checked(ProbeSpec probe, ProbeMeasurement measurement) {
        checked(probe, measurement.metrics());
        return measurement;
    }

    /** Asserts that the descriptor of {@code probe}'s kind names each of {@code metrics}. */
    public static void checked(ProbeSpec probe, List<MetricValue> metrics) {
        MetricNames names = probe.kind().descriptor().metrics(probe);
        assertThat(metrics).extracting(MetricValue::name).allSatisfy(name ->
                assertThat(names.accepts(name)).as("the %s descriptor names metric '%s' of probe %s",
                        probe.kind().word(), name, probe.id()).isTrue());
    }
}
