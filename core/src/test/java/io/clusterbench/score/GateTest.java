package io.clusterbench.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mapping a score to a gate outcome and an exit code. */
class GateTest {

    private static ScoreResult result(Verdict verdict, double score) {
        ObjectiveResult o = new ObjectiveResult("p.x", "<= 1", null, 1, false,
                verdict == Verdict.INCONCLUSIVE ? ObjectiveStatus.INCONCLUSIVE : ObjectiveStatus.PASS, 1.0, "ms",
                1.0, null, List.of(), null, null, 1, 100, "test");
        return new ScoreResult(score, verdict, 90, 75, "because", List.of(o));
    }

    @ParameterizedTest(name = "{0}, fail on warning {1}, on inconclusive {2}: exit {3}")
    @CsvSource({
        "PASS, false, false, 0, false",
        "PASS, true, true, 0, false",
        "FAIL, false, false, 99, true",
        "ERROR, false, false, 96, true",
        "WARNING, false, false, 0, false",
        "WARNING, true, false, 98, true",
        "INCONCLUSIVE, false, false, 0, false",
        "INCONCLUSIVE, false, true, 97, true"})
    void mapsEachVerdictToItsExitCode(Verdict verdict, boolean failOnWarning, boolean failOnInconclusive, int exit,
            boolean failed) {
        GateOutcome outcome = Gate.evaluate(result(verdict, 80), new GateOptions(null, failOnWarning,
                failOnInconclusive));

        assertThat(outcome.exitCode()).isEqualTo(exit);
        assertThat(outcome.failed()).isEqualTo(failed);
        assertThat(outcome.verdict()).isEqualTo(verdict);
        assertThat(outcome.message()).endsWith("because");
    }

    @ParameterizedTest(name = "score {0} with minScore {1}: {2}")
    @CsvSource({"80, 80, PASS", "80, 85, WARNING", "70, 85, FAIL", "60, 50, PASS"})
    void decidesAgainWithTheMinimumScoreOfTheGate(double score, double minScore, Verdict expected) {
        Verdict original = score >= 90 ? Verdict.PASS : score >= 75 ? Verdict.WARNING : Verdict.FAIL;

        GateOutcome outcome = Gate.evaluate(result(original, score), new GateOptions(minScore, true, false));

        assertThat(outcome.verdict()).isEqualTo(expected);
        assertThat(outcome.message()).contains("(minimum score " + (int) minScore + " given to the gate)");
    }

    @Test
    void keepsAnErrorWhateverTheMinimumScore() {
        GateOutcome outcome = Gate.evaluate(result(Verdict.ERROR, 100), new GateOptions(0.0, false, false));

        assertThat(outcome.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(outcome.exitCode()).isEqualTo(Gate.EXIT_ERROR);
    }
}
