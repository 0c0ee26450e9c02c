package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ErrorTally;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The headline's error count is the probe's {@code errors} metric under its own name; the error log's events, which
 * also count failed reconnects and give-ups, stand beside it named as events (the issue saw "101 errors" in the
 * headline where the metric said 20).
 */
class HeadlineTableTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static ProbeMeasurement probe(List<MetricValue> metrics, long... counts) {
        List<ProbeError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            errors.add(new ProbeError(ErrorKind.UNREACHABLE, "failure " + i, counts[i], AT));
        }
        return new ProbeMeasurement("cache-latency", "redis", "redis://127.0.0.1:6379/0", ProbeStatus.PARTIAL, AT,
                AT, metrics, List.of(), errors);
    }

    @Test
    void namesTheFailedCommandsOfTheMetricAndTheErrorEventsApart() {
        ProbeMeasurement killed = probe(List.of(MetricValue.of("ops", 5000, "count"),
                MetricValue.of("errors", 20, "count")), 20, 32, 8, 41);

        assertThat(ErrorTally.of(killed).headline()).contains("errors 20, 101 error events");
    }

    @Test
    void saysOnlyTheMetricWhenBothCountsAgreeAndOnlyEventsWithoutTheMetric() {
        assertThat(ErrorTally.of(probe(List.of(MetricValue.of("errors", 3, "count")), 3)).headline())
                .contains("errors 3");
        assertThat(ErrorTally.of(probe(List.of(MetricValue.of("value", 1, "count")), 1)).headline())
                .contains("1 error event");
        assertThat(ErrorTally.of(probe(List.of(MetricValue.of("errors", 0, "count")))).headline()).isEmpty();
    }
}
