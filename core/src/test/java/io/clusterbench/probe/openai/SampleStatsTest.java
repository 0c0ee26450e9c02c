package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.MetricValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleStatsTest {

    @Test
    void interpolatesPercentilesLinearlyAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4};

        // np.percentile([1, 2, 3, 4], [50, 90, 99]) == [2.5, 3.7, 3.97]
        assertThat(SampleStats.percentile(sorted, 50)).isCloseTo(2.5, within(1e-12));
        assertThat(SampleStats.percentile(sorted, 90)).isCloseTo(3.7, within(1e-12));
        assertThat(SampleStats.percentile(sorted, 99)).isCloseTo(3.97, within(1e-12));
        assertThat(SampleStats.percentile(new double[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void namesMetricsAsEveryProbeDoesAndAddsTheExtraPercentiles() {
        Map<String, Double> metrics = SampleStats.millis("ttft_", new double[] {4, 1, 3, 2}, List.of(25.0, 99.0, 99.5))
                .stream().collect(Collectors.toMap(MetricValue::name, MetricValue::value));

        assertThat(metrics).containsOnlyKeys("ttft_mean_ms", "ttft_median_ms", "ttft_p50_ms", "ttft_p90_ms",
                "ttft_p95_ms", "ttft_p99_ms", "ttft_p999_ms", "ttft_max_ms", "ttft_std_ms", "ttft_p25_ms",
                "ttft_p99.5_ms");
        assertThat(metrics.get("ttft_mean_ms")).isEqualTo(2.5);
        assertThat(metrics.get("ttft_median_ms")).isEqualTo(2.5);
        assertThat(metrics.get("ttft_p25_ms")).isCloseTo(1.75, within(1e-12));
        assertThat(metrics.get("ttft_max_ms")).isEqualTo(4);
        // np.std([1, 2, 3, 4]) == sqrt(1.25)
        assertThat(metrics.get("ttft_std_ms")).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void leavesOutEveryStatisticOfNoSamples() {
        assertThat(SampleStats.millis("tpot_", new double[0], List.of(50.0))).isEmpty();
    }
}
