package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.NoDataPolicy;
import io.clusterbench.spec.ObjectiveSpec;
import io.clusterbench.spec.ScoreThresholds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Absolute criteria, partial credit, weights, NODATA, key objectives and the verdict's precedence. */
class ScorerTest {

    private static ScoreResult scoreOne(ObjectiveSpec objective, double value, String unit) {
        RunResult run = run("now", 0, probe("p", "x", value, unit));
        return Scorer.score(spec(List.of(objective)), run, List.of());
    }

    @ParameterizedTest(name = "{1} {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            <= 2    | 2.0    | PASS
            <= 2    | 2.001  | FAIL
            < 2     | 2.0    | FAIL
            < 2     | 1.999  | PASS
            >= 100  | 100    | PASS
            >= 100  | 99.99  | FAIL
            > 100   | 100    | FAIL
            > 100   | 100.01 | PASS
            == 5    | 5      | PASS
            == 5    | 5.01   | FAIL
            """)
    void judgesEachComparatorWithItsExactInclusivity(String pass, double value, ObjectiveStatus expected) {
        ObjectiveResult result = scoreOne(objective("p.x", pass), value, "ms").objectives().get(0);

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.score()).isEqualTo(expected == ObjectiveStatus.PASS ? 1.0 : 0.0);
        assertThat(result.bound()).isEqualTo(ScoreFixtures.criterion(pass).value());
    }

    @ParameterizedTest(name = "{0} / {1} with {2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            <= 2   | <= 5  | 2     | PASS    | 1
            <= 2   | <= 5  | 2.6   | WARNING | 0.8
            <= 2   | <= 5  | 3.5   | WARNING | 0.5
            <= 2   | <= 5  | 5     | WARNING | 0
            <= 2   | <= 5  | 5.01  | FAIL    | 0
            <= 2   | < 5   | 5     | FAIL    | 0
            >= 100 | >= 50 | 75    | WARNING | 0.5
            >= 100 | >= 50 | 90    | WARNING | 0.8
            >= 100 | >= 50 | 49    | FAIL    | 0
            < 2    | <= 2  | 2     | WARNING | 0
            """)
    void givesLinearPartialCreditInsideTheWarningBand(String pass, String warning, double value,
            ObjectiveStatus status, double credit) {
        ObjectiveSpec o = objective("p.x", pass, warning, 1, false, NoDataPolicy.FAIL);

        ObjectiveResult result = scoreOne(o, value, "ms").objectives().get(0);

        assertThat(result.status()).isEqualTo(status);
        assertThat(result.score()).isCloseTo(credit, within(1e-9));
    }

    @Test
    void weighsObjectivesAndRoundsTheTotalToOneDecimal() {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.a", "<= 2", null, 2, false, NoDataPolicy.FAIL),
                objective("p.b", "<= 2", "<= 5", 1, false, NoDataPolicy.FAIL),
                objective("p.c", "<= 2", null, 1, false, NoDataPolicy.FAIL))),
                run("now", 0, probe("p", "a", 1, "ms", "b", 3.5, "ms", "c", 9, "ms")), List.of());

        // (2 x 1 + 1 x 0.5 + 1 x 0) / 4 = 62.5
        assertThat(result.score()).isEqualTo(62.5);
        assertThat(result.objectives()).extracting(ObjectiveResult::contribution).containsExactly(50.0, 12.5, 0.0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void failsTheRunWhenAKeyObjectiveFailsWhateverTheTotal() {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.a", "<= 2", null, 19, false, NoDataPolicy.FAIL),
                objective("p.key", "<= 90", null, 1, true, NoDataPolicy.FAIL))),
                run("now", 0, probe("p", "a", 1, "ms", "key", 95, "percent")), List.of());

        assertThat(result.score()).isEqualTo(95.0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.explanation()).isEqualTo(
                "key objective p.key failed, which fails the run whatever the score 95.0 (pass at 90)");
    }

    @Test
    void failsAKeyObjectiveWithoutDataUnderTheFailPolicy() {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.a", "<= 2", null, 19, false, NoDataPolicy.FAIL),
                objective("p.gone", "<= 90", null, 1, true, NoDataPolicy.FAIL))),
                run("now", 0, probe("p", "a", 1, "ms")), List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.objectives().get(1).explanation())
                .isEqualTo("p.gone has no data (probe 'p' measured no 'gone'): fail (nodata: fail), 0 of 20 points"
                        + " (0.0 of 100)");
    }

    @ParameterizedTest(name = "nodata {0}: {1}, total {2}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            FAIL         | FAIL         | 50    | FAIL
            IGNORE       | IGNORED      | 100   | PASS
            INCONCLUSIVE | INCONCLUSIVE | 100   | INCONCLUSIVE
            """)
    void appliesTheNoDataPolicy(NoDataPolicy policy, ObjectiveStatus status, double total, Verdict verdict) {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.a", "<= 2"),
                objective("p.missing", "<= 2", null, 1, false, policy))),
                run("now", 0, probe("p", "a", 1, "ms")), List.of());

        assertThat(result.objectives().get(1).status()).isEqualTo(status);
        assertThat(result.objectives().get(1).measured()).isNull();
        assertThat(result.score()).isEqualTo(total);
        assertThat(result.verdict()).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "probe {0}")
    @CsvSource({"FAILED", "SKIPPED"})
    void treatsMetricsOfAFailedOrSkippedProbeAsNoData(ProbeStatus status) {
        RunResult run = run("now", 0, probe("ok", "a", 1, "ms"), probe("p", status, List.of(), "x", 1, "ms"));

        ScoreResult result = Scorer.score(spec(List.of(objective("p.x", "<= 2"))), run, List.of());

        assertThat(result.objectives().get(0).status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(result.objectives().get(0).explanation()).startsWith("p.x has no data (probe 'p' " + status + ")");
    }

    @ParameterizedTest(name = "total {0} with pass {1} / warning {2}, key failed {3}, inconclusive {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            90   | 90 | 75 | false | false | PASS
            89.9 | 90 | 75 | false | false | WARNING
            75   | 90 | 75 | false | false | WARNING
            74.9 | 90 | 75 | false | false | FAIL
            80   | 90 | 75 | true  | false | FAIL
            80   | 90 | 75 | false | true  | INCONCLUSIVE
            70   | 90 | 75 | false | true  | FAIL
            95   | 90 | 75 | true  | true  | FAIL
            """)
    void decidesWithFailOverInconclusiveOverWarningOverPass(double total, double pass, double warning,
            boolean keyFailed, boolean inconclusive, Verdict expected) {
        List<ObjectiveResult> objectives = List.of(
                result("a", ObjectiveStatus.PASS, false),
                result("k", keyFailed ? ObjectiveStatus.FAIL : ObjectiveStatus.PASS, true),
                result("i", inconclusive ? ObjectiveStatus.INCONCLUSIVE : ObjectiveStatus.PASS, false));

        assertThat(Verdicts.decide(objectives, total, pass, warning).verdict()).isEqualTo(expected);
    }

    private static ObjectiveResult result(String metric, ObjectiveStatus status, boolean key) {
        return new ObjectiveResult(metric, "<= 1", null, 1, key, status, 1.0, "ms", 1.0, null, List.of(), null, null,
                status == ObjectiveStatus.PASS ? 1 : 0, 0, "test");
    }

    @Test
    void comparesTheRoundedTotalWithTheThresholds() {
        // 1 pass of weight 8999.5 and one fail of weight 1000.5: 89.995 shows as 90.0 and passes at 90.
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.a", "<= 2", null, 8999.5, false, NoDataPolicy.FAIL),
                objective("p.b", "<= 2", null, 1000.5, false, NoDataPolicy.FAIL))),
                run("now", 0, probe("p", "a", 1, "ms", "b", 3, "ms")), List.of());

        assertThat(result.score()).isEqualTo(90.0);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void isInconclusiveWithoutObjectives() {
        ScoreResult result = Scorer.score(spec(List.of()), run("now", 0, probe("p", "a", 1, "ms")), List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.score()).isZero();
        assertThat(result.explanation()).startsWith("no objectives:");
    }

    @Test
    void isInconclusiveWhenEveryObjectiveIsLeftOut() {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("p.gone", "<= 2", null, 1, false, NoDataPolicy.IGNORE))),
                run("now", 0, probe("p", "a", 1, "ms")), List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.explanation()).isEqualTo(
                "no objective could be scored (0 inconclusive, 1 ignored), so there is no score");
    }

    @Test
    void isAnErrorWhenNoProbeMeasuredAnything() {
        RunResult run = run("now", 0, probe("p", ProbeStatus.FAILED, List.of()));

        ScoreResult result = Scorer.score(spec(List.of(objective("p.x", "<= 2"))), run, List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.explanation()).startsWith("no probe measured anything (all 1 failed or were skipped)");
        assertThat(result.objectives()).hasSize(1);
    }

    @Test
    void explainsAnAbsolutePassWithValueBoundAndPoints() {
        ScoreResult result = Scorer.score(spec(List.of(
                objective("cache-latency.get.p99_ms", "<= 2", "<= 5", 2, false, NoDataPolicy.FAIL),
                objective("memory.sark.used_pct", "<= 90", null, 5, true, NoDataPolicy.FAIL))),
                run("now", 0, probe("cache-latency", "get.p99_ms", 1.8, "ms"),
                        probe("memory", "sark.used_pct", 97.25, "percent")),
                List.of());

        assertThat(result.objectives()).extracting(ObjectiveResult::explanation).containsExactly(
                "cache-latency.get.p99_ms = 1.8 ms <= 2 ms: pass, 2 of 7 points (28.6 of 100)",
                "memory.sark.used_pct = 97.25%, not <= 90%: fail, 0 of 7 points (0.0 of 100)");
    }

    @Test
    void usesTheThresholdsOfTheSpec() {
        ScoreResult result = Scorer.score(spec(List.of(objective("p.b", "<= 2", "<= 6", 1, false,
                        NoDataPolicy.FAIL)), new ScoreThresholds(60, 40), BaselineSettings.DEFAULT),
                run("now", 0, probe("p", "b", 3, "ms")), List.of());

        assertThat(result.score()).isEqualTo(75.0);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.passThreshold()).isEqualTo(60);
        assertThat(result.warningThreshold()).isEqualTo(40);
    }
}
