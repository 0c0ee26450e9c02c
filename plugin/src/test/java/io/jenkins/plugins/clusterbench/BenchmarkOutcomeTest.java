package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOutcomeTest {

    @Test
    void unscoredRunReportsUnscoredWithHeadlineMetricsAndNoScore() {
        BenchmarkOutcome outcome = BenchmarkOutcome.of(measuredOnly(), "clusterbench/result.json");

        assertThat(outcome.verdict()).isEqualTo(BenchmarkOutcome.UNSCORED);
        assertThat(outcome.score()).isNull();
        assertThat(outcome.failedObjectives()).isEmpty();
        assertThat(outcome.metrics()).containsEntry("cache-latency.p99_ms", 0.8);
        assertThat(outcome.resultPath()).isEqualTo("clusterbench/result.json");
    }

    @Test
    void keepsTheSpecsTrendMetricsAndTheirValuesEvenWhenTheyAreNotHeadlineMetrics() {
        BenchmarkOutcome outcome = BenchmarkOutcome.of(measuredOnly(), "clusterbench/result.json",
                List.of("cache-latency.used_memory", "cache-latency.never_measured"));

        assertThat(outcome.trendMetrics()).containsExactly("cache-latency.used_memory", "cache-latency.never_measured");
        assertThat(outcome.metrics()).containsEntry("cache-latency.used_memory", 1.5e6)
                .doesNotContainKey("cache-latency.never_measured");
    }

    @Test
    void aSpecWithoutTrendSectionKeepsOnlyHeadlineMetricsAndNamesNoTrendMetrics() {
        BenchmarkOutcome outcome = BenchmarkOutcome.of(measuredOnly(), "clusterbench/result.json");

        assertThat(outcome.trendMetrics()).isEmpty();
        assertThat(outcome.metrics()).containsOnlyKeys("cache-latency.p99_ms");
    }

    @Test
    void stepResultIsAMapWithEveryDocumentedKey() {
        Map<String, Object> result = BenchmarkOutcome.of(measuredOnly(), "out/result.json").toStepResult();

        assertThat(result).containsOnlyKeys("runId", "score", "verdict", "resultPath", "failedObjectives", "metrics",
                "capacities");
        assertThat((Map<?, ?>) result.get("capacities")).as("no probe searched for its capacity").isEmpty();
        assertThat(result.get("runId")).isEqualTo("20261129T140000Z-1a2b");
    }

    @Test
    void survivesJavaSerializationAsItCrossesTheRemotingChannel() throws Exception {
        BenchmarkOutcome outcome = BenchmarkOutcome.of(measuredOnly(), "clusterbench/result.json",
                List.of("cache-latency.used_memory"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcome);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).usingRecursiveComparison().isEqualTo(outcome);
        }
    }

    private static RunResult measuredOnly() {
        Instant start = Instant.parse("2026-11-29T14:00:00Z");
        ProbeMeasurement probe = new ProbeMeasurement("cache-latency", "redis", "cache", ProbeStatus.OK, start,
                start.plusSeconds(5), List.of(new MetricValue("p99_ms", 0.8, "ms", Map.of()),
                        new MetricValue("used_memory", 1.5e6, "bytes", Map.of())), List.of(), List.of());
        return new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-1a2b", "local", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17", "test", "Linux amd64"), start,
                start.plusSeconds(5), List.of(), List.of(probe));
    }
}
