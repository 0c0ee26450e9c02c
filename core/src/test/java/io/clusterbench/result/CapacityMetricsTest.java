package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The capacities a search found are told apart by name for every kind, kept in every run summary, charted by the
 * trend beside the objectives, and handed on per probe with the search's outcome.
 */
class CapacityMetricsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"capacity_load, true", "capacity_rps, true", "capacity_ops_per_s, true",
        "capacity_tokens_per_s, true", "capacity_request_throughput, true", "capacity_of_a_future_kind, true",
        "capacity_failed_load, false", "capacity_steps, false", "capacity_search_s, false",
        "generator_limit_load, false", "requests_per_s, false"})
    void isACapacityByName(String metric, boolean capacity) {
        assertThat(CapacityMetrics.isCapacity(metric)).isEqualTo(capacity);
    }

    private static RunResult run(String id, int minute, ProbeMeasurement... probes) {
        return new RunResult(RunResult.SCHEMA_VERSION, id, "planted", "c.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "test", "17", "localhost", "linux"), T0.plusSeconds(60L * minute),
                T0.plusSeconds(60L * minute + 30), List.of(), List.of(probes));
    }

    private static ProbeMeasurement searched(String id, String kind, CapacityCurve curve, MetricValue... metrics) {
        return new ProbeMeasurement(id, kind, "target", ProbeStatus.OK, T0, T0.plusSeconds(30), List.of(metrics),
                List.of(), List.of()).withCapacity(curve);
    }

    private static CapacityCurve curve(String knob, String unit, String outcome, Double passed, String statement) {
        return new CapacityCurve(knob, unit, List.of("p99_ms <= 2"), 5, 60, outcome, passed, null, statement,
                List.of());
    }

    private static RunResult capacities(int minute, double rps) {
        return run("r" + minute, minute,
                searched("lb", "http", curve("rate", "req/s", CapacityCurve.FOUND, rps, "capacity " + rps),
                        MetricValue.of("capacity_search_s", 40, "s"), MetricValue.of("capacity_rps", rps, "req/s"),
                        MetricValue.of("capacity_load", rps + 2, "req/s"), MetricValue.of("p50_ms", 3, "ms")),
                searched("cache", "redis", curve("clients", "clients", CapacityCurve.FOUND, 32.0, "capacity 32"),
                        MetricValue.of("capacity_load", 32, "clients"),
                        MetricValue.of("capacity_ops_per_s", 41_000, "ops/s")));
    }

    @Test
    void everyRunSummaryKeepsTheCapacitiesButNotTheSearchsBookkeeping() {
        RunSummary summary = RunSummary.of(capacities(1, 98), List.of());

        assertThat(summary.metrics()).containsEntry("lb.capacity_rps", 98.0).containsEntry("lb.capacity_load", 100.0)
                .containsEntry("cache.capacity_ops_per_s", 41_000.0).containsEntry("cache.capacity_load", 32.0)
                .doesNotContainKeys("lb.capacity_search_s", "lb.p50_ms");
        assertThat(summary.units()).containsEntry("lb.capacity_rps", "req/s")
                .containsEntry("cache.capacity_load", "clients");
    }

    @Test
    void theTrendChartsTheCapacitiesAfterTheObjectivesWithoutBeingAsked() {
        RunSummary older = RunSummary.of(capacities(1, 98), List.of());
        RunSummary newest = RunSummary.of(capacities(2, 90), List.of());
        RunSummary judged = new RunSummary(newest.runId(), newest.startedAt(), newest.cluster(), 100.0, Verdict.PASS,
                90.0, 75.0, List.of("lb.p99_ms"), List.of(), newest.metrics(), newest.units());

        List<String> chosen = TrendModel.chooseMetrics(List.of(older, judged), List.of());
        TrendModel model = TrendModel.of(List.of(older, judged), List.of("#1", "#2"), chosen);

        assertThat(chosen).containsExactly("lb.p99_ms", "cache.capacity_ops_per_s", "lb.capacity_rps");
        assertThat(model.metrics()).extracting(TrendModel.MetricSeries::metric)
                .containsExactly("cache.capacity_ops_per_s", "lb.capacity_rps");
        assertThat(model.metrics().get(1).values()).containsExactly(98.0, 90.0);
        assertThat(model.metrics().get(1).unit()).isEqualTo("req/s");
    }

    @Test
    void handsOnEachSearchsCapacityWithItsOutcomeAndNoneWhereItFoundNone() {
        RunResult result = run("r1", 1,
                searched("lb", "http", curve("rate", "req/s", CapacityCurve.FOUND, 100.0, "capacity 100 req/s"),
                        MetricValue.of("capacity_rps", 98, "req/s"), MetricValue.of("capacity_load", 100, "req/s"),
                        MetricValue.of("capacity_steps", 6, "count")),
                new ProbeMeasurement("plain", "http", "target", ProbeStatus.OK, T0, T0, List.of(), List.of(),
                        List.of()),
                searched("far", "http", curve("rate", "req/s", CapacityCurve.GENERATOR_LIMIT, null,
                        "generator limit, not the server's capacity"),
                        MetricValue.of("generator_limit_load", 200_000, "req/s")));

        List<CapacityMetrics.Capacity> capacities = CapacityMetrics.of(result);

        assertThat(capacities).extracting(CapacityMetrics.Capacity::probe).containsExactly("lb", "far");
        assertThat(capacities.get(0).values()).containsExactly(MetricValue.of("capacity_load", 100, "req/s"),
                MetricValue.of("capacity_rps", 98, "req/s"));
        assertThat(capacities.get(0).outcome()).isEqualTo(CapacityCurve.FOUND);
        assertThat(capacities.get(1).values()).isEmpty();
        assertThat(capacities.get(1).statement()).startsWith("generator limit");
    }
}
