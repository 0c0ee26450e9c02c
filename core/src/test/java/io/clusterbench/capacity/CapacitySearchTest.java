package io.clusterbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.StopSignal;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.spec.SloCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The search's rules on a server model whose p99 is known at every load, so each step and the bracket can be
 * checked exactly; the search against real servers is in HttpCapacityTest.
 */
class CapacitySearchTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void doublesUntilTheFirstFailureThenBisectsToThePrecision() {
        // p99 grows past 50 ms above 300 req/s.
        CapacitySearch.SearchOutcome found = search(settings(20, 5, 2), load -> rounds(load, load <= 300 ? 10 : 80));

        CapacityCurve curve = found.curve();
        assertThat(curve.outcome()).isEqualTo(CapacityCurve.FOUND);
        assertThat(curve.steps()).extracting(CapacityStep::load)
                .containsExactly(20.0, 40.0, 80.0, 160.0, 320.0, 240.0, 280.0, 300.0, 310.0);
        assertThat(curve.passed()).isEqualTo(300.0);
        assertThat(curve.failed()).isEqualTo(310.0);
        assertThat(curve.statement()).isEqualTo("capacity 300 req/s (rate): 300 req/s (rate) passed in all its 2"
                + " rounds, 310 req/s (rate) failed (p99_ms <= 50 (was 80)); known to 3.33% (asked: 5%)");
        assertThat(found.best()).isSameAs(found.measured().get(300.0));
    }

    @Test
    void aStepPassesOnlyWhenEveryRoundMetTheSlo() {
        // Above 100 req/s one round of two misses the SLO: the step fails although its merge might not.
        CapacitySearch.SearchOutcome found = search(settings(100, 5, 2),
                load -> load <= 100 ? rounds(load, 10) : measurement(load, List.of(10.0, 90.0), 10));

        assertThat(found.curve().steps().get(1).verdict()).isEqualTo(CapacityStep.FAIL);
        assertThat(found.curve().steps().get(1).roundsPassed()).isEqualTo(1);
        assertThat(found.curve().passed()).isEqualTo(100.0);
    }

    @Test
    void goesDownFromAFirstLoadThatFailed() {
        CapacitySearch.SearchOutcome found = search(settings(1000, 10, 1), load -> rounds(load, load <= 200 ? 10
                : 80));

        assertThat(found.curve().steps()).extracting(CapacityStep::load).startsWith(1000.0, 500.0, 250.0, 125.0);
        assertThat(found.curve().passed()).isBetween(180.0, 200.0);
        assertThat(found.curve().outcome()).isEqualTo(CapacityCurve.FOUND);
    }

    @Test
    void saysSoWhenTheHighestLoadAllowedPassed() {
        SearchSettings capped = new SearchSettings("rate", "req/s", false, 100, 0, 300, slo(), 5,
                Duration.ofMinutes(5), 1, Optional.empty(), Map.of());

        CapacityCurve curve = search(capped, load -> rounds(load, 10)).curve();

        assertThat(curve.steps()).extracting(CapacityStep::load).containsExactly(100.0, 200.0, 300.0);
        assertThat(curve.outcome()).isEqualTo(CapacityCurve.MAX_PASSED);
        assertThat(curve.statement()).startsWith("capacity at least 300 req/s (rate)");
    }

    @Test
    void aWholeKnobBisectsToNeighbours() {
        SearchSettings whole = new SearchSettings("concurrency", "connections", true, 1, 1, 10_000, slo(), 0.1,
                Duration.ofMinutes(5), 1, Optional.empty(), Map.of());

        CapacityCurve curve = search(whole, load -> rounds(load, load <= 11 ? 10 : 80)).curve();

        assertThat(curve.passed()).isEqualTo(11.0);
        assertThat(curve.failed()).isEqualTo(12.0);
        assertThat(curve.steps()).allSatisfy(s -> assertThat(s.load()).isEqualTo(Math.rint(s.load())));
    }

    @Test
    void stopsBeforeAStepThatWouldPassTheBudget() {
        long[] clock = {0};
        SearchSettings tight = new SearchSettings("rate", "req/s", false, 10, 0, 1e6, slo(), 1, Duration.ofSeconds(25),
                1, Optional.empty(), Map.of());

        // Every step takes 10 s of the (simulated) clock: the third would end past 25 s.
        CapacityCurve curve = new CapacitySearch(tight, load -> {
            clock[0] += Duration.ofSeconds(10).toNanos();
            return rounds(load, 10);
        }, new StopSignal(), () -> clock[0]).run().curve();

        assertThat(curve.steps()).hasSize(2);
        assertThat(curve.outcome()).isEqualTo(CapacityCurve.BUDGET);
        assertThat(curve.statement()).startsWith("not found within the budget of 25 s");
    }

    @Test
    void aGeneratorThatCannotOfferTheLoadIsAGeneratorLimitNotACapacity() {
        SearchSettings rate = new SearchSettings("rate", "req/s", false, 1000, 0, 1e6, slo(), 5, Duration.ofMinutes(5),
                1, Optional.of("sent_per_s"), Map.of("capacity_rps", "requests_per_s"));

        // The generator sends at most 3000 req/s; the server answers everything it gets within the SLO.
        CapacitySearch.SearchOutcome found = search(rate, load -> measurement(load, List.of(10.0),
                Math.min(load, 3000)));

        CapacityCurve curve = found.curve();
        assertThat(curve.outcome()).isEqualTo(CapacityCurve.GENERATOR_LIMIT);
        assertThat(curve.steps()).extracting(CapacityStep::load).containsExactly(1000.0, 2000.0, 4000.0, 4000.0);
        assertThat(curve.passed()).isEqualTo(2000.0);
        assertThat(curve.statement()).startsWith("generator limit, not the server's capacity: at 4000 req/s (rate)"
                + " the generator could not offer the load (it sent 3000 req/s)");
        ProbeMeasurement written = CapacityMeasurement.of("lb", "http", rate, found, T, T, 1);
        assertThat(written.metrics()).extracting(MetricValue::name).doesNotContain("capacity_load", "capacity_rps")
                .contains("generator_limit_load");
        assertThat(written.status()).isEqualTo(ProbeStatus.PARTIAL);
    }

    @Test
    void aRateBeyondWhatTheClientsCarryIsTheirLimitWhileTheServiceTimeMeetsTheSlo() {
        SearchSettings rate = redisRate();

        // 4 clients, one command each in flight, answered in 2 ms: at most 2000 ops/s whatever the server could do.
        // Past that the sends queue behind the connections, so p99 from the intended time misses the SLO.
        CapacitySearch.SearchOutcome found = search(rate, load -> openStep(load, load <= 1500 ? 10 : 900, 2.0, 4));

        CapacityCurve curve = found.curve();
        assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.GENERATOR_LIMIT);
        assertThat(curve.steps()).extracting(CapacityStep::load).containsExactly(500.0, 1000.0, 2000.0, 2000.0);
        assertThat(curve.steps().get(2).verdict()).isEqualTo(CapacityStep.GENERATOR_LIMIT);
        assertThat(curve.passed()).isEqualTo(1000.0);
        assertThat(curve.failed()).as("never the server's capacity").isNull();
        assertThat(curve.statement()).isEqualTo("generator limit, not the server's capacity: at 2000 ops/s (rate)"
                + " the clients could not carry the load (4 clients x 1 in flight / 2 ms = at most 2000 ops/s);"
                + " the server met the SLO up to 1000 ops/s (rate); raise clients");
        assertThat(curve.steps().get(2).metrics()).containsEntry("clients_max_per_s", 2000.0)
                .containsEntry("service.p99_ms", 4.0);
    }

    @Test
    void aServerWhoseServiceTimeMissesTheSloIsAtItsCapacityEvenAtTheClientsBound() {
        // The same bound above 1500 ops/s, but its 2 ms are the server's queue, 80 ms at p99 (beyond the SLO's 50):
        // a slow server, not too few clients.
        CapacityCurve curve = search(redisRate(), load -> load <= 1500 ? openStep(load, 10, 0.5, 4)
                : openStep(load, 900, 2.0, 80)).curve();

        assertThat(curve.outcome()).as(curve.statement()).isEqualTo(CapacityCurve.FOUND);
        assertThat(curve.steps()).filteredOn(step -> step.load() > 1500)
                .allSatisfy(step -> assertThat(step.verdict()).isEqualTo(CapacityStep.FAIL));
        assertThat(curve.statement()).startsWith("capacity ");
    }

    @Test
    void anSloWithoutALatencyConditionClaimsNoClientLimit() {
        SearchSettings errorsOnly = new SearchSettings("rate", "ops/s", false, 500, 0, 1e6,
                List.of(SloCondition.parse("errors <= 2").orElseThrow()), 5, Duration.ofMinutes(5), 1,
                Optional.of("sent_per_s"), Map.of());

        // Past the bound the step fails on errors; with no latency condition to read the service time against, a
        // slow server and too few clients look the same, so the rule claims neither (docs/probes.md says so).
        CapacityCurve curve = search(errorsOnly, load -> withErrors(openStep(load, 10, 2.0, 4), load > 1800 ? 50 : 0))
                .curve();

        assertThat(curve.steps()).noneMatch(step -> step.verdict().equals(CapacityStep.GENERATOR_LIMIT));
        assertThat(curve.steps()).filteredOn(step -> step.load() == 2000).singleElement()
                .satisfies(step -> assertThat(step.verdict()).isEqualTo(CapacityStep.FAIL));
    }

    private static ProbeMeasurement withErrors(ProbeMeasurement step, double errors) {
        List<MetricValue> metrics = new ArrayList<>(step.metrics());
        metrics.add(MetricValue.of("errors", errors, "count"));
        return new ProbeMeasurement(step.probe(), step.kind(), step.target(), step.status(), T, T, metrics, List.of(),
                List.of(), List.of(), null);
    }

    private static SearchSettings redisRate() {
        return new SearchSettings("rate", "ops/s", false, 500, 0, 1e6, slo(), 5, Duration.ofMinutes(5), 1,
                Optional.of("sent_per_s"), Map.of("capacity_ops_per_s", "ops_per_s"));
    }

    /**
     * A step of the redis open model with {@code clients} connections (one command in flight each) whose batches
     * were served in {@code serviceMs} on average and {@code serviceP99Ms} at p99, that sent the whole load.
     */
    private static ProbeMeasurement openStep(double load, double p99, double serviceMs, double serviceP99Ms) {
        List<MetricValue> metrics = List.of(MetricValue.of("p99_ms", p99, "ms"),
                MetricValue.of("sent_per_s", load, "ops/s"), MetricValue.of("ops_per_s", load, "ops/s"),
                MetricValue.of("clients", 4, "connections"), MetricValue.of("pipeline", 1, "commands"),
                MetricValue.of("service.mean_ms", serviceMs, "ms"), MetricValue.of("service.p99_ms", serviceP99Ms,
                        "ms"), MetricValue.of("clients_max_per_s", 4 * 1000 / serviceMs, "ops/s"));
        return new ProbeMeasurement("cache", "redis", "127.0.0.1:6379", ProbeStatus.OK, T, T, metrics, List.of(),
                List.of(), List.of(), null);
    }

    private static CapacitySearch.SearchOutcome search(SearchSettings settings, DoubleFunction<ProbeMeasurement> server) {
        return new CapacitySearch(settings, server::apply, new StopSignal(), System::nanoTime).run();
    }

    private static SearchSettings settings(double start, double precision, int rounds) {
        return new SearchSettings("rate", "req/s", false, start, 0, 1e6, slo(), precision, Duration.ofMinutes(5),
                rounds, Optional.empty(), Map.of("capacity_rps", "requests_per_s"));
    }

    private static List<SloCondition> slo() {
        return List.of(SloCondition.parse("p99_ms <= 50").orElseThrow());
    }

    /** Two rounds with the same p99, each sending the whole load. */
    private static ProbeMeasurement rounds(double load, double p99) {
        return measurement(load, List.of(p99, p99), load);
    }

    private static ProbeMeasurement measurement(double load, List<Double> p99s, double sent) {
        List<ProbeRound> rounds = new ArrayList<>();
        for (int i = 0; i < p99s.size(); i++) {
            rounds.add(new ProbeRound(i + 1, "", T, T, ProbeStatus.OK, List.of(MetricValue.of("p99_ms", p99s.get(i),
                    "ms"), MetricValue.of("sent_per_s", sent, "req/s"))));
        }
        List<MetricValue> merged = List.of(MetricValue.of("p99_ms", p99s.stream().mapToDouble(d -> d).max()
                .orElseThrow(), "ms"), MetricValue.of("sent_per_s", sent, "req/s"),
                MetricValue.of("requests_per_s", sent, "req/s"));
        return new ProbeMeasurement("lb", "http", "http://lb", ProbeStatus.OK, T, T, merged, List.of(), List.of(),
                p99s.size() > 1 ? rounds : List.of(), null);
    }
}
