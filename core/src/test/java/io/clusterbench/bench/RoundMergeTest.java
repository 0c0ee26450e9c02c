package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.probe.LatencyMetrics;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Rounds merged into one measurement: exact histograms, summed counts, medians of the rest, each round kept. */
class RoundMergeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ProbeMeasurement round(int i, long latencyMicros, double opsPerS, double usedMemory,
            ProbeStatus status, List<ProbeError> errors) {
        Histogram h = new Histogram(3);
        for (int k = 0; k < 1000; k++) {
            h.recordValue(latencyMicros);
        }
        List<MetricValue> metrics = new ArrayList<>(LatencyMetrics.of("", h));
        metrics.add(MetricValue.of("ops_per_s", opsPerS, "ops/s"));
        metrics.add(MetricValue.of("ops", 1000, "count"));
        metrics.add(MetricValue.of("errors", errors.stream().mapToLong(ProbeError::count).sum(), "count"));
        metrics.add(MetricValue.of("used_memory", usedMemory, "bytes"));
        metrics.add(MetricValue.of("warmup.ops", 10, "count"));
        return new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", status, T0.plusSeconds(10L * i),
                T0.plusSeconds(10L * i + 5), metrics, List.of(LatencyHistogram.of("all", "us", h)), errors);
    }

    @Test
    void mergesHistogramsExactlyAndKeepsEveryRoundsOwnNumbers() {
        List<ProbeMeasurement> rounds = List.of(round(0, 100, 1000, 5e6, ProbeStatus.OK, List.of()),
                round(1, 200, 3000, 7e6, ProbeStatus.OK, List.of()),
                round(2, 400, 2000, 6e6, ProbeStatus.OK, List.of()));

        ProbeMeasurement merged = RoundMerge.merge(rounds, List.of(1, 2, 3), List.of("", "", ""));

        assertThat(merged.latencies()).hasSize(1);
        assertThat(merged.latencies().get(0).count()).isEqualTo(3000);
        // p50 of 1000 x 100 us, 1000 x 200 us, 1000 x 400 us is 200 us; max 400 us; mean 233.3 us.
        assertThat(value(merged, "p50_ms")).isCloseTo(0.2, within(0.001));
        assertThat(value(merged, "max_ms")).isCloseTo(0.4, within(0.001));
        assertThat(value(merged, "mean_ms")).isCloseTo(0.2333, within(0.001));
        assertThat(value(merged, "ops")).isEqualTo(3000);
        assertThat(value(merged, "warmup.ops")).isEqualTo(30);
        assertThat(value(merged, "ops_per_s")).isEqualTo(2000); // median of 1000, 3000, 2000
        assertThat(value(merged, "used_memory")).isEqualTo(6e6);
        assertThat(merged.startedAt()).isEqualTo(T0);
        assertThat(merged.endedAt()).isEqualTo(T0.plusSeconds(25));
        assertThat(merged.rounds()).hasSize(3);
        assertThat(merged.rounds().get(2).index()).isEqualTo(3);
        assertThat(merged.rounds().get(2).metric("p50_ms").orElseThrow().value()).isCloseTo(0.4, within(0.001));
        assertThat(merged.rounds().get(0).metric("warmup.ops")).as("warm-up is not a round statistic").isEmpty();
        assertThat(merged.status()).isEqualTo(ProbeStatus.OK);
    }

    @Test
    void aRoundWithErrorsMakesTheMergePartialAndCountsItsErrors() {
        ProbeError refused = new ProbeError(ErrorKind.UNREACHABLE, "connection refused", 21, T0);
        List<ProbeMeasurement> rounds = List.of(round(0, 100, 1000, 5e6, ProbeStatus.OK, List.of()),
                round(1, 100, 1000, 5e6, ProbeStatus.PARTIAL, List.of(refused)),
                round(2, 100, 1000, 5e6, ProbeStatus.PARTIAL, List.of(refused)));

        ProbeMeasurement merged = RoundMerge.merge(rounds, List.of(1, 4, 5), List.of("A", "A", "A"));

        assertThat(merged.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(merged.errors()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(42));
        assertThat(value(merged, "errors")).isEqualTo(42);
        assertThat(merged.rounds("A")).extracting(r -> r.index()).containsExactly(1, 4, 5);
    }

    @Test
    void countsOfTheLoadAddUpAndOtherNumbersDoNot() {
        assertThat(RoundMerge.additive("get.ops")).isTrue();
        assertThat(RoundMerge.additive("status_200")).isTrue();
        assertThat(RoundMerge.additive("warmup.s")).isTrue();
        assertThat(RoundMerge.additive("connected_clients")).isFalse();
        assertThat(RoundMerge.additive("local.load1")).isFalse();
    }

    private static double value(ProbeMeasurement m, String name) {
        return m.metrics().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().value();
    }
}
