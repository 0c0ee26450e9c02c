package io.clusterbench.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one gate decision: a verdict and a policy to PASS, UNSTABLE or FAIL with an exit code. */
class GateTest {

    private static ScoreResult result(Verdict verdict, double score) {
        ObjectiveResult o = new ObjectiveResult("p.x", "<= 1", null, 1, false,
                verdict == Verdict.INCONCLUSIVE ? ObjectiveStatus.INCONCLUSIVE : ObjectiveStatus.PASS, 1.0, "ms",
                1.0, null, List.of(), null, null, 1, 100, "test");
        return new ScoreResult(score, verdict, 90, 75, "because", List.of(o));
    }

    @ParameterizedTest(name = "{0} score {1}, warn {2}, inconclusive {3}, unstable below {4}: {5} exit {6}")
    @CsvSource({
        "PASS, 95, false, false, , PASS, 0",
        "PASS, 95, true, true, , PASS, 0",
        "PASS, 95, false, false, 96, UNSTABLE, 0",
        "FAIL, 60, false, false, , FAIL, 99",
        "ERROR, 0, false, false, , FAIL, 96",
        "WARNING, 80, false, false, , UNSTABLE, 0",
        "WARNING, 80, true, false, , FAIL, 98",
        "INCONCLUSIVE, 80, false, false, , UNSTABLE, 0",
        "INCONCLUSIVE, 80, false, true, , FAIL, 97"})
    void decidesEachVerdictUnderEachPolicy(Verdict verdict, double score, boolean failOnWarning,
            boolean failOnInconclusive, Double unstableBelow, GateStatus status, int exit) {
        GateOutcome outcome = Gate.decide(result(verdict, score),
                new GatePolicy(null, unstableBelow, failOnWarning, failOnInconclusive));

        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.exitCode()).isEqualTo(exit);
        assertThat(outcome.failed()).isEqualTo(status == GateStatus.FAIL);
        assertThat(outcome.verdict()).isEqualTo(verdict);
        assertThat(outcome.line()).startsWith("Gate: " + status + " (exit " + exit + "): ");
        assertThat(outcome.reason()).contains(verdict == Verdict.ERROR ? "could not be scored: because"
                : "verdict " + verdict + ", score " + Numbers.score(score));
    }

    @Test
    void aMinimumScoreReplacesBothThresholdsSoNoScoreBelowItIsAMereWarning() {
        assertThat(Gate.thresholds(90, 75, new GatePolicy(85.0, null, false, false))).containsExactly(85, 85);
        assertThat(Gate.thresholds(90, 75, GatePolicy.DEFAULT)).containsExactly(90, 75);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"101", "-5", "NaN"})
    void refusesAScoreOutsideZeroToHundredNamingTheSetting(double value) {
        assertThatThrownBy(() -> GatePolicy.checkScore("--min-score", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--min-score must be a number from 0 to 100, got " + (Double.isNaN(value) ? "NaN"
                        : Numbers.format(value)));
        assertThatThrownBy(() -> new GatePolicy(null, value, false, false))
                .hasMessageContaining("unstable-below score must be a number from 0 to 100");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'', true", "' 85 ', true", "0, true", "100, true", "abc, false", "101, false", "-1, false"})
    void aScoreAsAFormHoldsItIsBlankOrANumberFromZeroToHundred(String text, boolean fine) {
        if (fine) {
            assertThat(GatePolicy.scoreProblem("minimum", text)).isEmpty();
        } else {
            assertThat(GatePolicy.scoreProblem("minimum", text)).get().asString()
                    .startsWith("minimum must be a number from 0 to 100, got ").contains(text);
        }
    }
}
