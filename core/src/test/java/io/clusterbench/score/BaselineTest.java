package io.clusterbench.score;

import io.clusterbench.result.History;
import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.rounds;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.scored;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.BaselineAggregate;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.BaselineSource;
import io.clusterbench.spec.NoDataPolicy;
import io.clusterbench.spec.NoHistoryPolicy;
import io.clusterbench.spec.ObjectiveSpec;
import io.clusterbench.spec.ScoreThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Baseline selection, aggregation, relative criteria and the significance rule on planted samples. */
class BaselineTest {

    private static final ObjectiveSpec P99_REL = objective("cache.get.p99_ms", "<= +5%");

    private static BaselineSettings settings(BaselineSource from, int runs, String runId, BaselineAggregate aggregate,
            NoHistoryPolicy noHistory) {
        return new BaselineSettings(from, runs, Optional.ofNullable(runId), aggregate, 0.01, 5.0, noHistory);
    }

    private static BaselineSettings lastPassing(int runs, BaselineAggregate aggregate) {
        return settings(BaselineSource.LAST_PASSING, runs, null, aggregate, NoHistoryPolicy.INCONCLUSIVE);
    }

    /** Seven earlier runs r1..r7, one a minute, with metric p.x = 10 x their number; r3 and r6 did not pass. */
    private static List<RunResult> history() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            Verdict verdict = i == 3 || i == 6 ? Verdict.FAIL : Verdict.PASS;
            runs.add(scored(run("r" + i, i, probe("p", "x", 10.0 * i, "ms")), verdict));
        }
        java.util.Collections.reverse(runs); // order in the list must not matter
        return runs;
    }

    private static ObjectiveResult judge(BaselineSettings settings, double value, List<RunResult> history) {
        RunResult now = run("now", 100, probe("p", "x", value, "ms"));
        return Scorer.score(spec(List.of(objective("p.x", "<= +10%")), ScoreThresholds.DEFAULT, settings), now,
                history).objectives().get(0);
    }

    @Test
    void takesTheLastNPassingRunsByStartTime() {
        ObjectiveResult result = judge(lastPassing(3, BaselineAggregate.MEDIAN), 60, history());

        assertThat(result.baselineRuns()).containsExactly("r4", "r5", "r7");
        assertThat(result.baseline()).isEqualTo(50.0);
        assertThat(result.bound()).isCloseTo(55.0, within(1e-9));
        assertThat(result.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(result.explanation()).isEqualTo("p.x = 60 ms is +20% from the baseline 50 ms (median of 3 runs:"
                + " r4, r5, r7), beyond <= +10% (limit 55 ms) (no rounds to test, at least 4 in the run and in its"
                + " baseline: judged on the bound alone): fail, 0 of 1 points (0.0 of 100)");
    }

    @Test
    void takesThePreviousRunWhateverItsVerdict() {
        ObjectiveResult result = judge(settings(BaselineSource.PREVIOUS, 5, null, BaselineAggregate.MEDIAN,
                NoHistoryPolicy.INCONCLUSIVE), 70, history());

        assertThat(result.baselineRuns()).containsExactly("r7");
        assertThat(result.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(result.explanation()).contains("from the baseline 70 ms (run r7), within <= +10%");
    }

    @Test
    void takesAPinnedRunEvenIfItFailed() {
        ObjectiveResult result = judge(settings(BaselineSource.RUN, 5, "r3", BaselineAggregate.MEDIAN,
                NoHistoryPolicy.INCONCLUSIVE), 33, history());

        assertThat(result.baselineRuns()).containsExactly("r3");
        assertThat(result.baseline()).isEqualTo(30.0);
        assertThat(result.status()).isEqualTo(ObjectiveStatus.PASS);
    }

    @Test
    void reportsAMissingPinnedRunAsAnError() {
        RunResult now = run("now", 100, probe("p", "x", 1, "ms"));
        BaselineSettings pinned = BaselineSettings.pinned("r99");

        ScoreResult result = Scorer.score(spec(List.of(objective("p.x", "<= +10%")), ScoreThresholds.DEFAULT,
                pinned), now, history());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.explanation()).isEqualTo("the pinned baseline run 'r99' (baseline.runId) is not in the"
                + " history (the history holds 7 runs: r1, r2, r3 and 4 more); pass the folder that holds it or fix"
                + " baseline.runId");
        assertThat(result.objectives().get(0).status()).isEqualTo(ObjectiveStatus.INCONCLUSIVE);
    }

    @Test
    void ignoresOtherClustersAndTheRunItself() {
        RunResult now = run("now", 100, probe("p", "x", 1, "ms"));
        RunResult other = new RunResult(now.schemaVersion(), "other", "another-cluster", "c.yaml", "", now.tool(),
                now.startedAt().plusSeconds(1), now.endedAt(), List.of(), now.probes());
        List<RunResult> runs = new ArrayList<>(history());
        runs.add(scored(other, Verdict.PASS));
        runs.add(scored(now, Verdict.PASS));

        Baseline baseline = Baseline.select(settings(BaselineSource.PREVIOUS, 1, null, BaselineAggregate.MEDIAN,
                NoHistoryPolicy.INCONCLUSIVE), now, History.of(runs));

        assertThat(baseline.runs()).extracting(RunResult::runId).containsExactly("r7");
    }

    @ParameterizedTest(name = "{0} of 10, 20, 40, 50, 70 = {1}")
    @CsvSource({"median, 40", "mean, 38", "p90, 70", "p20, 10", "p50, 40", "p100, 70"})
    void aggregatesTheBaselineRuns(String aggregate, double expected) {
        BaselineAggregate a = switch (aggregate) {
            case "median" -> BaselineAggregate.MEDIAN;
            case "mean" -> BaselineAggregate.MEAN;
            default -> BaselineAggregate.percentile(Double.parseDouble(aggregate.substring(1)));
        };

        ObjectiveResult result = judge(lastPassing(5, a), 1, history());

        assertThat(result.baselineRuns()).containsExactly("r1", "r2", "r4", "r5", "r7");
        assertThat(result.baseline()).isCloseTo(expected, within(1e-9));
        assertThat(a.label()).isEqualTo(aggregate);
    }

    @Test
    void takesTheMeanOfTheMiddleTwoForAnEvenMedian() {
        assertThat(BaselineAggregate.MEDIAN.apply(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @ParameterizedTest(name = "noHistory {0}: {1}")
    @CsvSource({"INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE", "PASS, PASS, PASS"})
    void neverPassesARelativeObjectiveSilentlyWithoutHistory(NoHistoryPolicy policy, ObjectiveStatus status,
            Verdict verdict) {
        RunResult now = run("now", 100, probe("p", "x", 1, "ms"));
        BaselineSettings settings = settings(BaselineSource.LAST_PASSING, 5, null, BaselineAggregate.MEDIAN, policy);

        ScoreResult result = Scorer.score(spec(List.of(objective("p.x", "<= +10%")), ScoreThresholds.DEFAULT,
                settings), now, List.of());

        assertThat(result.objectives().get(0).status()).isEqualTo(status);
        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.objectives().get(0).explanation()).startsWith("p.x = 1 ms has no baseline (no runs in the"
                + " last 5 passing runs of cluster memory-system (0 passing of 0 in the history)): "
                + policy.name().toLowerCase() + " (baseline.noHistory: " + policy.name().toLowerCase() + ")");
    }

    @Test
    void judgesRelativeDeltasAndLowerBounds() {
        RunResult now = run("now", 100, probe("p", "ops", 900, "ops/s", "x", 52.5, "ms"));
        List<RunResult> earlier = List.of(scored(run("b", 1, probe("p", "ops", 1000, "ops/s", "x", 50, "ms")),
                Verdict.PASS));

        ScoreResult result = Scorer.score(spec(List.of(objective("p.ops", ">= -5%", ">= -20%", 1, false,
                NoDataPolicy.FAIL), objective("p.x", "<= +3ms"))), now, earlier);

        // ops: limit 950, warning limit 800: (900 - 800) / 150 = 2/3 credit; x: 52.5 <= 53.
        assertThat(result.objectives().get(0).status()).isEqualTo(ObjectiveStatus.WARNING);
        assertThat(result.objectives().get(0).score()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(result.objectives().get(1).status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(result.objectives().get(1).bound()).isEqualTo(53.0);
    }

    /** Three passing runs, each with 5 rounds of a p99 around 1 ms that vary by about 2% from round to round. */
    private static List<RunResult> plantedHistory() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(scored(run("base" + i, i, rounds("cache", "", "get.p99_ms", "ms", roundValues(i, 1.0))),
                    Verdict.PASS));
        }
        return runs;
    }

    /** 5 round values around {@code factor} ms, seeded, with a spread of about 2%. */
    private static double[] roundValues(long seed, double factor) {
        Random random = new Random(seed);
        double[] values = new double[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = factor * (1 + 0.02 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void catchesARealTenPercentRegressionOnRounds() {
        RunResult now = run("now", 100, rounds("cache", "", "get.p99_ms", "ms", roundValues(42, 1.10)));

        ScoreResult result = Scorer.score(spec(List.of(P99_REL)), now, plantedHistory());
        ObjectiveResult o = result.objectives().get(0);

        assertThat(o.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(o.statistic()).isEqualTo("hodges-lehmann-rounds");
        assertThat(o.baselineRuns()).containsExactly("base1", "base2", "base3");
        assertThat(o.explanation()).contains("and beyond the noise (rounds +").contains("against 15 baseline rounds")
                .contains("x the run-to-run spread in history").endsWith(": fail, 0 of 1 points (0.0 of 100)");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void passesRoundsThatDoNotMoveBeyondTheNoise() {
        // A bound far below the baseline: every value is beyond it, so only the noise rule can pass it.
        ObjectiveSpec tight = objective("cache.get.p99_ms", "<= -50%");
        RunResult now = run("now", 100, rounds("cache", "", "get.p99_ms", "ms", roundValues(42, 1.0)));

        ObjectiveResult o = Scorer.score(spec(List.of(tight)), now, plantedHistory()).objectives().get(0);

        assertThat(o.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(o.explanation()).contains("but not beyond the noise (rounds ");
    }

    @Test
    void neverComparesARunWithBaselinesOfAnotherWorkload() {
        List<RunResult> history = new ArrayList<>();
        for (RunResult base : plantedHistory()) {
            history.add(new RunResult(base.schemaVersion(), base.runId(), base.cluster(), base.specFile(),
                    base.specSha256(), base.tool(), base.startedAt(), base.endedAt(), base.insecureHosts(),
                    List.of(base.probes().get(0).withWorkload("clients-50")), base.changes(), base.evidence(),
                    base.score(), base.comparison()));
        }
        RunResult now = run("now", 100, rounds("cache", "", "get.p99_ms", "ms", roundValues(42, 1.10))
                .withWorkload("clients-8"));

        ObjectiveResult o = Scorer.score(spec(List.of(P99_REL)), now, history).objectives().get(0);

        assertThat(o.status()).isEqualTo(ObjectiveStatus.INCONCLUSIVE);
        assertThat(o.explanation()).contains("runs base1, base2, base3 measured another workload of its probe");
    }

    @Test
    void passesAShiftBelowTheMinimumEffect() {
        RunResult now = run("now", 100, rounds("cache", "", "get.p99_ms", "ms", roundValues(42, 1.10)));
        BaselineSettings lenient = new BaselineSettings(BaselineSource.LAST_PASSING, 5, Optional.empty(),
                BaselineAggregate.MEDIAN, 0.01, 20.0, NoHistoryPolicy.INCONCLUSIVE);

        ObjectiveResult o = Scorer.score(spec(List.of(P99_REL), ScoreThresholds.DEFAULT, lenient), now,
                plantedHistory()).objectives().get(0);

        assertThat(o.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(o.explanation()).contains("a change counts beyond 20%");
    }

}
