package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.rounds;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.Comparison;
import io.clusterbench.spec.NoDataPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comparisons of the tuned rounds with the rounds before tuning: direction, verdicts and regression. */
class RunComparisonsTest {

    private static final RunComparisons.Design ALTERNATING = new RunComparisons.Design(RunComparison.ALTERNATING,
            "ABBAABBAAB", 5, "alternating", Map.of(), List.of());

    @ParameterizedTest(name = "{0} [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            get.p99_ms                 | ms      | LOWER_IS_BETTER
            ttft_p95_ms                | ms      | LOWER_IS_BETTER
            load_s                     | s       | LOWER_IS_BETTER
            errors                     | count   | LOWER_IS_BETTER
            rejected_connections       | count   | LOWER_IS_BETTER
            sark.used_pct              | percent | LOWER_IS_BETTER
            mem_fragmentation_ratio    | ratio   | LOWER_IS_BETTER
            ops_per_s                  | ops/s   | HIGHER_IS_BETTER
            output_tokens_per_s        | tok/s   | HIGHER_IS_BETTER
            keyspace_hit_ratio         | ratio   | HIGHER_IS_BETTER
            sark.mem_available_bytes   | bytes   | HIGHER_IS_BETTER
            connected_clients          | count   | UNKNOWN
            """)
    void derivesTheDirectionFromNameAndUnit(String metric, String unit, MetricDirection expected) {
        assertThat(MetricDirection.of(metric, unit, Optional.empty())).isEqualTo(expected);
    }

    @Test
    void letsTheObjectiveDecideTheDirection() {
        assertThat(MetricDirection.of("connected_clients", "count", Optional.of(Comparison.GREATER_OR_EQUAL)))
                .isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("ops_per_s", "ops/s", Optional.of(Comparison.LESS)))
                .isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.UNKNOWN.worse(1, 2)).isFalse();
    }

    @Test
    void callsAKeyLatencyThatRoseBeyondTheNoiseWorseAndTheRunRegressed() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.00, 1.02, 0.98, 1.01, 0.99));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 1.50, 1.52, 1.49, 1.51, 1.48));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5", null, 1, true,
                NoDataPolicy.FAIL))), before, after, BaselineSettings.DEFAULT, ALTERNATING);

        MetricEffect latency = c.metrics().get(0);
        assertThat(latency.verdict()).isEqualTo(EffectVerdict.WORSE);
        assertThat(latency.change()).isBetween(0.45, 0.55);
        assertThat(latency.changeLow()).isLessThanOrEqualTo(latency.change());
        assertThat(latency.changeHigh()).isGreaterThanOrEqualTo(latency.change());
        assertThat(latency.changePct()).isBetween(45.0, 55.0);
        assertThat(latency.before().median()).isEqualTo(1.00);
        assertThat(latency.after().rounds()).isEqualTo(5);
        assertThat(latency.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.regressed()).isTrue();
        assertThat(c.design()).isEqualTo(RunComparison.ALTERNATING);
        assertThat(c.order()).isEqualTo("ABBAABBAAB");
        assertThat(c.explanation()).contains("1 worse (cache.get.p99_ms)").endsWith("regressed");
    }

    @Test
    void callsRoundsThatOverlapNoDetectableChangeAndSaysWhatCouldHaveBeenDetected() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.00, 1.10, 0.90, 1.05, 0.95));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 1.02, 0.92, 1.08, 0.97, 1.01));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5", null, 1, true,
                NoDataPolicy.FAIL))), before, after, BaselineSettings.DEFAULT, ALTERNATING);

        MetricEffect latency = c.metrics().get(0);
        assertThat(latency.verdict()).isEqualTo(EffectVerdict.NO_DETECTABLE_CHANGE);
        assertThat(latency.changePctLow()).isNegative();
        assertThat(latency.changePctHigh()).isPositive();
        assertThat(latency.detectablePct()).isGreaterThan(5.0);
        assertThat(latency.reason()).startsWith("no detectable change").contains("could have detected a change of");
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void callsRoundsThatVaryByFactorsTooNoisyAndSaysHowManyRoundsWouldDo() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 0.4, 2.5, 0.9, 1.8, 0.35));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 2.2, 0.45, 1.6, 0.5, 2.7));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5"))), before, after,
                BaselineSettings.DEFAULT, ALTERNATING);

        MetricEffect latency = c.metrics().get(0);
        assertThat(latency.verdict()).isEqualTo(EffectVerdict.INCONCLUSIVE);
        assertThat(latency.detectablePct()).isGreaterThan(RoundEffects.NOISE_LIMIT_PCT);
        // The floor of log shifts shrinks as 1/sqrt(rounds): the rounds it names must bring it under the limit.
        double ratio = Math.log1p(latency.detectablePct() / 100) / Math.log(2);
        int named = Integer.parseInt(latency.reason().replaceAll(".*; about (\\d+) rounds per condition.*", "$1"));
        assertThat(named).isGreaterThan(5).isGreaterThanOrEqualTo((int) Math.floor(5 * ratio * ratio));
        assertThat(latency.reason()).startsWith("inconclusive: too noisy").contains("or longer rounds");
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void doesNotCallAnImprovementOfAKeyMetricARegression() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.50, 1.52, 1.49, 1.51, 1.48));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 1.00, 1.02, 0.98, 1.01, 0.99));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5", null, 1, true,
                NoDataPolicy.FAIL))), before, after, BaselineSettings.DEFAULT, ALTERNATING);

        assertThat(c.metrics().get(0).verdict()).isEqualTo(EffectVerdict.IMPROVED);
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void aShiftBelowTheMinimumEffectIsNoDetectableChangeEvenWhenTheIntervalExcludesZero() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.000, 1.001, 0.999, 1.000,
                1.000));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 1.020, 1.021, 1.019, 1.020,
                1.020));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5"))), before, after,
                BaselineSettings.DEFAULT, ALTERNATING);

        MetricEffect latency = c.metrics().get(0);
        assertThat(latency.changePctLow()).isPositive();
        assertThat(latency.verdict()).isEqualTo(EffectVerdict.NO_DETECTABLE_CHANGE);
        assertThat(latency.detectablePct()).isEqualTo(BaselineSettings.DEFAULT.minEffectPct());
    }

    @Test
    void fewerThanFourRoundsAreInconclusive() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.0, 1.0, 1.0));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 3.0, 3.0, 3.0));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5"))), before, after,
                BaselineSettings.DEFAULT, ALTERNATING);

        assertThat(c.metrics().get(0).verdict()).isEqualTo(EffectVerdict.INCONCLUSIVE);
        assertThat(c.metrics().get(0).reason()).contains("too few rounds (3 before, 3 after");
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void aDisturbedProbeMakesItsMetricsInconclusiveWithTheReason() {
        RunResult before = run("before", 0, rounds("cache", "A", "get.p99_ms", "ms", 1.00, 1.02, 0.98, 1.01, 0.99));
        RunResult after = run("after", 10, rounds("cache", "B", "get.p99_ms", "ms", 1.50, 1.52, 1.49, 1.51, 1.48));
        RunComparisons.Design disturbed = new RunComparisons.Design(RunComparison.ALTERNATING, "ABBAABBAAB", 5,
                "alternating", Map.of("cache", "other clients sent 900 ops/s before round 3"), List.of());

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5", null, 1, true,
                NoDataPolicy.FAIL))), before, after, BaselineSettings.DEFAULT, disturbed);

        assertThat(c.metrics().get(0).verdict()).isEqualTo(EffectVerdict.INCONCLUSIVE);
        assertThat(c.metrics().get(0).reason()).isEqualTo("inconclusive: other clients sent 900 ops/s before round 3");
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void aThroughputThatFellIsWorse() {
        RunResult before = run("before", 0, rounds("cache", "A", "ops_per_s", "ops/s", 1000, 1010, 990, 1005, 995));
        RunResult after = run("after", 10, rounds("cache", "B", "ops_per_s", "ops/s", 700, 710, 690, 705, 695));

        RunComparison c = RunComparisons.compare(spec(List.of()), before, after, BaselineSettings.DEFAULT,
                ALTERNATING);

        assertThat(c.metrics()).extracting(MetricEffect::metric).containsExactly("cache.ops_per_s");
        assertThat(c.metrics().get(0).verdict()).isEqualTo(EffectVerdict.WORSE);
        assertThat(c.metrics().get(0).changePct()).isBetween(-31.0, -29.0);
    }

    @Test
    void theMetricsOfOneProbeShareTheFivePercentSoTheirIntervalsHoldTogether() {
        // Three objectives on one probe: each interval at 1 - 0.05/3; for 5 rounds against 5 the rank interval
        // leaving out the 2 most extreme differences at each end has 98.4%.
        List<String> names = List.of("get.p99_ms", "set.p99_ms", "p50_ms");
        RunResult before = run("before", 0, probe("cache", "A", names, 1.00, 1.02, 0.98, 1.01, 0.99));
        RunResult after = run("after", 10, probe("cache", "B", names, 1.50, 1.52, 1.49, 1.51, 1.48));

        RunComparison c = RunComparisons.compare(spec(names.stream().map(n -> objective("cache." + n, "<= 5"))
                .toList()), before, after, BaselineSettings.DEFAULT, ALTERNATING);

        assertThat(c.metrics()).hasSize(3).allSatisfy(m -> {
            assertThat(m.confidence()).isEqualTo(1 - 4.0 / 252, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.verdict()).isEqualTo(EffectVerdict.WORSE);
            assertThat(m.reason()).contains("98.4% interval (95% for the 3 compared metrics of its probe together)");
        });
        // Alone on its probe, the same rounds get the plain 95% level (96.8% exact for 5 against 5).
        RunComparison alone = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5"))),
                run("before", 0, probe("cache", "A", List.of("get.p99_ms"), 1.00, 1.02, 0.98, 1.01, 0.99)),
                run("after", 10, probe("cache", "B", List.of("get.p99_ms"), 1.50, 1.52, 1.49, 1.51, 1.48)),
                BaselineSettings.DEFAULT, ALTERNATING);
        assertThat(alone.metrics().get(0).confidence()).isEqualTo(1 - 2 * 4.0 / 252,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alone.metrics().get(0).reason()).doesNotContain("together");
    }

    @Test
    void aProbeWithMoreMetricsThanFiveRoundsCanCoverIsInconclusiveUntilItHasMoreRounds() {
        // 8 metrics: 1 - 0.05/8 = 99.375% is more than the 99.2% that 5 rounds against 5 can reach; 6 can.
        List<String> names = List.of("a_ms", "b_ms", "c_ms", "d_ms", "e_ms", "f_ms", "g_ms", "h_ms");
        RunResult before = run("before", 0, probe("llm", "A", names, 1.00, 1.02, 0.98, 1.01, 0.99));
        RunResult after = run("after", 10, probe("llm", "B", names, 1.50, 1.52, 1.49, 1.51, 1.48));

        RunComparison c = RunComparisons.compare(spec(names.stream().map(n -> objective("llm." + n, "<= 5"))
                .toList()), before, after, BaselineSettings.DEFAULT, ALTERNATING);

        assertThat(c.metrics()).allSatisfy(m -> assertThat(m.reason()).startsWith("inconclusive: too few rounds (5"
                + " before, 5 after; a 99.4% interval (95% for the 8 compared metrics of its probe together) needs at"
                + " least 6 of each)"));
        assertThat(RunComparisons.tooFewRounds(c)).hasSize(8);
        assertThat(ShiftInterval.fewestRounds(0.95)).isEqualTo(4);
        assertThat(ShiftInterval.fewestRounds(1 - 0.05 / 8)).isEqualTo(6);

        RunComparison six = RunComparisons.compare(spec(names.stream().map(n -> objective("llm." + n, "<= 5"))
                .toList()), run("before", 0, probe("llm", "A", names, 1.00, 1.02, 0.98, 1.01, 0.99, 1.0)),
                run("after", 10, probe("llm", "B", names, 1.50, 1.52, 1.49, 1.51, 1.48, 1.5)),
                BaselineSettings.DEFAULT, ALTERNATING);
        assertThat(six.metrics()).allSatisfy(m -> assertThat(m.verdict()).isEqualTo(EffectVerdict.WORSE));
        assertThat(RunComparisons.tooFewRounds(six)).isEmpty();
    }

    /** A probe whose rounds measured every metric in {@code names} with the same values (ms). */
    private static ProbeMeasurement probe(String id, String condition, List<String> names, double... values) {
        List<ProbeRound> rounds = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            rounds.add(new ProbeRound(i + 1, condition, ScoreFixtures.T0.plusSeconds(i),
                    ScoreFixtures.T0.plusSeconds(i + 1), ProbeStatus.OK,
                    names.stream().map(n -> MetricValue.of(n, value, "ms")).toList()));
        }
        return new ProbeMeasurement(id, "redis", "redis://127.0.0.1:6379/0", ProbeStatus.OK, ScoreFixtures.T0,
                ScoreFixtures.T0.plusSeconds(10), names.stream().map(n -> MetricValue.of(n, values[0], "ms")).toList(),
                List.of(), List.of(), rounds, null);
    }
}
