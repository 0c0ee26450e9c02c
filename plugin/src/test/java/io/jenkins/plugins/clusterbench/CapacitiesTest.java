package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The capacities a run's searches found reach a Pipeline script in {@code benchmarkCluster}'s return value, the
 * build's summary, and the job's trend chart; a search that found none says why instead of giving a number.
 */
class CapacitiesTest {
    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProbeMeasurement searched(String id, CapacityCurve curve, MetricValue... metrics) {
        return new ProbeMeasurement(id, "http", "http://127.0.0.1/health", ProbeStatus.OK, T0, T0.plusSeconds(40),
                List.of(metrics), List.of(), List.of()).withCapacity(curve);
    }

    private static RunResult run(double rps) {
        CapacityCurve found = new CapacityCurve("rate", "req/s", List.of("p99_ms <= 50"), 5, 60, CapacityCurve.FOUND,
                100.0, 105.0, "capacity 100 req/s (rate): 100 req/s (rate) passed in all its 1 round", List.of());
        CapacityCurve limited = new CapacityCurve("rate", "req/s", List.of("error_pct <= 5"), 5, 60,
                CapacityCurve.GENERATOR_LIMIT, null, null, "generator limit, not the server's capacity: at 200000"
                        + " req/s (rate) the generator could not offer the load", List.of());
        return new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-1a2b", "local", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17", "test", "Linux amd64"), T0,
                T0.plusSeconds(60), List.of(), List.of(
                        searched("lb", found, MetricValue.of("capacity_load", 100, "req/s"),
                                MetricValue.of("capacity_rps", rps, "req/s"),
                                MetricValue.of("capacity_steps", 6, "count")),
                        searched("far", limited, MetricValue.of("generator_limit_load", 200_000, "req/s"))));
    }

    @Test
    void theStepReturnsEachProbesCapacityWithItsUnitAndTheOutcomeOfASearchThatFoundNone() {
        Map<String, Object> result = BenchmarkOutcome.of(run(98.5), "out/result.json").toStepResult();

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> capacities = (Map<String, Map<String, Object>>) result.get("capacities");
        assertThat(capacities).containsOnlyKeys("lb", "far");
        assertThat(capacities.get("lb")).containsEntry("outcome", "found").containsEntry("knob", "rate");
        assertThat(capacities.get("lb").get("metrics")).isEqualTo(Map.of(
                "capacity_load", Map.of("value", 100.0, "unit", "req/s"),
                "capacity_rps", Map.of("value", 98.5, "unit", "req/s")));
        assertThat(capacities.get("far")).containsEntry("outcome", "generator-limit")
                .containsEntry("metrics", Map.of());
        assertThat((String) capacities.get("far").get("statement")).startsWith("generator limit, not the server's");
        // The flat metrics map carries them too, under the names objectives and trend.metrics use.
        @SuppressWarnings("unchecked")
        Map<String, Double> metrics = (Map<String, Double>) result.get("metrics");
        assertThat(metrics).containsEntry("lb.capacity_rps", 98.5).doesNotContainKey("lb.capacity_steps");
    }

    @Test
    void theCapacitiesSurviveTheRemotingChannel() throws Exception {
        BenchmarkOutcome outcome = BenchmarkOutcome.of(run(98.5), "out/result.json");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcome);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BenchmarkOutcome read = (BenchmarkOutcome) in.readObject();
            assertThat(read.toStepResult()).isEqualTo(outcome.toStepResult());
        }
    }

    @Test
    void theBuildSummaryShowsOneLinePerSearchAndAnOlderBuildNone() throws Exception {
        ClusterBenchAction action = ClusterBenchAction.of(BenchmarkOutcome.of(run(98.5), "out/result.json"),
                "clusterbench");

        assertThat(action.getCapacities()).containsExactly(
                "lb: capacity_load 100 req/s (rate), capacity_rps 98.5 req/s",
                "far: no capacity (generator-limit): generator limit, not the server's capacity: at 200000 req/s"
                        + " (rate) the generator could not offer the load");
        Field field = ClusterBenchAction.class.getDeclaredField("capacities");
        field.setAccessible(true);
        field.set(action, null); // as XStream loads a build saved before the field existed
        assertThat(action.getCapacities()).isEmpty();
    }

    @Test
    void theSummaryKeepsTheCapacitiesAmongManyMetrics() {
        Map<String, Double> metrics = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            metrics.put("a" + (100 + i) + ".p99_ms", (double) i);
        }
        metrics.put("lb.capacity_rps", 98.5);
        BenchmarkOutcome outcome = new BenchmarkOutcome("r1", null, BenchmarkOutcome.UNSCORED, "out/result.json",
                List.of(), metrics, null);

        assertThat(ClusterBenchAction.of(outcome, "clusterbench").getMetrics()).hasSize(40)
                .containsEntry("lb.capacity_rps", 98.5);
    }

    @Test
    void theJobTrendChartsTheCapacityBesideTheFailedObjectivesWithoutBeingAsked() throws Exception {
        List<TrendPoint> newestFirst = new ArrayList<>();
        newestFirst.add(new TrendPoint(2, "#2", 50.0, "FAIL", Map.of("lb.capacity_rps", 80.0, "lb.p99_ms", 70.0,
                "lb.capacity_load", 82.0), List.of("lb.p99_ms")));
        newestFirst.add(new TrendPoint(1, "#1", 100.0, "PASS", Map.of("lb.capacity_rps", 100.0, "lb.p99_ms", 30.0,
                "lb.capacity_load", 102.0), List.of()));

        JsonNode series = JSON.readTree(TrendSeries.toJson(newestFirst, TrendSeries.model(newestFirst, List.of())))
                .get("series");

        assertThat(series).hasSize(3);
        assertThat(series.get(1).get("name").asText()).startsWith("lb.p99_ms");
        assertThat(series.get(2).get("name").asText()).isEqualTo("lb.capacity_rps (% of 100.0)");
        assertThat(series.get(2).get("data").toString()).isEqualTo("[100.0,80.0]");
    }
}
