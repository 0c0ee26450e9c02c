package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.jenkins.plugins.clusterbench.ScoreGate.BuildResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreGateTest {

    private static ObjectiveResult objective(ObjectiveStatus status, boolean key) {
        return new ObjectiveResult("cache.p99_ms", "<= 2", null, 1, key, status, 1.5, "ms", 2.0, null, List.of(),
                null, null, 1, 100, "p99 1.5 ms is at most 2 ms");
    }

    /** A score with the spec's thresholds pass 80, warning 60, as core's scorer would decide it. */
    private static ScoreResult score(double total, Verdict verdict, ObjectiveStatus status, boolean key) {
        return new ScoreResult(total, verdict, 80, 60, "score " + total, List.of(objective(status, key)));
    }

    @Test
    void passesAPassingScoreAboveBothLines() {
        ScoreGate.Decision decision = new ScoreGate(85.0, 90.0, false)
                .decide(score(95, Verdict.PASS, ObjectiveStatus.PASS, false));

        assertThat(decision.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(decision.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void marksUnstableBetweenMinimumAndUnstableBelow() {
        ScoreGate.Decision decision = new ScoreGate(85.0, 90.0, false)
                .decide(score(87, Verdict.PASS, ObjectiveStatus.PASS, false));

        assertThat(decision.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(decision.message()).contains("unstableBelow 90");
    }

    @Test
    void failsBelowTheMinimumEvenAboveTheSpecsWarningThreshold() {
        ScoreGate.Decision decision = new ScoreGate(85.0, 90.0, false)
                .decide(score(84, Verdict.PASS, ObjectiveStatus.PASS, false));

        assertThat(decision.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void failureWinsOverUnstableWhenAKeyObjectiveFails() {
        ScoreGate.Decision decision = new ScoreGate(null, 99.0, false)
                .decide(score(95, Verdict.FAIL, ObjectiveStatus.FAIL, true));

        assertThat(decision.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void theSpecsWarningBandMakesTheBuildUnstableWithoutAMinimum() {
        ScoreGate.Decision decision = new ScoreGate(null, null, false)
                .decide(score(70, Verdict.WARNING, ObjectiveStatus.WARNING, false));

        assertThat(decision.result()).isEqualTo(BuildResult.UNSTABLE);
    }

    @Test
    void inconclusivePassesUnlessFailOnInconclusive() {
        ScoreResult inconclusive = score(0, Verdict.INCONCLUSIVE, ObjectiveStatus.INCONCLUSIVE, false);

        assertThat(new ScoreGate(null, null, false).decide(inconclusive).result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(new ScoreGate(null, null, true).decide(inconclusive).result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void refusesThresholdsOutsideZeroToHundred() {
        assertThatThrownBy(() -> new ScoreGate(120.0, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreGate(null, -1.0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
