package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.T0;
import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.scored;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.BaselineAggregate;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.BaselineSource;
import io.clusterbench.spec.NoHistoryPolicy;
import io.clusterbench.spec.ScoreThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Capacity metrics ({@code capacity_rps}, {@code capacity_ops_per_s}, {@code capacity_load}, ...) are judged like
 * any metric, absolutely and relative to the history, and larger is better even where the knob's unit would say
 * otherwise.
 */
class CapacityObjectivesTest {

    private static final BaselineSettings LAST_THREE = new BaselineSettings(BaselineSource.LAST_PASSING, 3,
            Optional.empty(), BaselineAggregate.MEDIAN, 0.01, 5.0, NoHistoryPolicy.INCONCLUSIVE);

    private static RunResult capacityRun(String id, int minute, double rps) {
        return run(id, minute, probe("lb", "capacity_load", rps + 2, "req/s", "capacity_rps", rps, "req/s"));
    }

    /** Three passing runs that sustained 100, 104 and 98 req/s. */
    private static List<RunResult> history() {
        List<RunResult> runs = new ArrayList<>();
        double[] rps = {100, 104, 98};
        for (int i = 0; i < rps.length; i++) {
            runs.add(scored(capacityRun("r" + (i + 1), i + 1, rps[i]), Verdict.PASS));
        }
        return runs;
    }

    @ParameterizedTest(name = "{0} req/s against {1}: {2}")
    @CsvSource({"98, >= 90, PASS", "85, >= 90, FAIL", "120, > 100, PASS"})
    void judgesACapacityAgainstAnAbsoluteBound(double rps, String pass, ObjectiveStatus expected) {
        ObjectiveResult result = Scorer.score(spec(List.of(objective("lb.capacity_rps", pass))),
                capacityRun("now", 10, rps), List.of()).objectives().get(0);

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.measured()).isEqualTo(rps);
        assertThat(result.unit()).isEqualTo("req/s");
    }

    @ParameterizedTest(name = "{0} req/s against the history's median 100: {1}")
    @CsvSource({"95, PASS", "80, FAIL"})
    void judgesACapacityRelativeToTheHistory(double rps, ObjectiveStatus expected) {
        ObjectiveResult result = Scorer.score(spec(List.of(objective("lb.capacity_rps", ">= -10%")),
                ScoreThresholds.DEFAULT, LAST_THREE), capacityRun("now", 10, rps), history()).objectives().get(0);

        assertThat(result.baselineRuns()).containsExactly("r1", "r2", "r3");
        assertThat(result.baseline()).isEqualTo(100.0);
        assertThat(result.bound()).isCloseTo(90.0, within(1e-9));
        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.explanation()).startsWith("lb.capacity_rps = " + (int) rps + " req/s is -")
                .contains("from the baseline 100 req/s (median of 3 runs: r1, r2, r3)");
    }

    @Test
    void aSearchThatFoundNoCapacityLeavesItsObjectiveWithoutDataAndSaysWhy() {
        String statement = "generator limit, not the server's capacity: at 200000 req/s (rate) the generator could"
                + " not offer the load";
        CapacityCurve curve = new CapacityCurve("rate", "req/s", List.of("error_pct <= 5"), 5, 60,
                CapacityCurve.GENERATOR_LIMIT, null, null, statement, List.of());
        // As CapacityMeasurement writes it: no capacity metric, the statement as a nodata error.
        ProbeMeasurement limited = new ProbeMeasurement("lb", "http", "http://127.0.0.1/health", ProbeStatus.PARTIAL,
                T0, T0.plusSeconds(10), List.of(), List.of(), List.of(new ProbeError(ErrorKind.NODATA,
                        "capacity search: " + statement, 1, T0))).withCapacity(curve);

        ObjectiveResult result = Scorer.score(spec(List.of(objective("lb.capacity_rps", ">= 90"))),
                run("now", 10, limited), List.of()).objectives().get(0);

        assertThat(result.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(result.measured()).isNull();
        assertThat(result.explanation()).startsWith("lb.capacity_rps has no data (probe 'lb' found no capacity: "
                + statement + ")");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"lb.capacity_load, connections", "lb.capacity_load, req/s", "cache.capacity_ops_per_s, ops/s",
        "llm.capacity_tokens_per_s, tok/s", "llm.capacity_rps, req/s", "lb.capacity_failed_load, connections",
        "lb.capacity_some_future_kind, widgets"})
    void aLargerCapacityIsBetterWhateverTheKnobsUnit(String metric, String unit) {
        assertThat(MetricDirection.of(metric, unit, Optional.empty())).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
    }

    @Test
    void theSearchsBookkeepingIsNoCapacity() {
        assertThat(MetricDirection.of("lb.capacity_search_s", "s", Optional.empty()))
                .isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.of("lb.capacity_steps", "count", Optional.empty()))
                .isEqualTo(MetricDirection.UNKNOWN);
    }
}
