package io.clusterbench.score;

import io.clusterbench.result.Numbers;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;

/**
 * The one gate decision every front shows: the CLI's exit code and console, the Jenkins build result, and the gate
 * part of result.json, the reports and junit.xml all come from {@link #decide}.
 *
 * <p>Rules, in order: ERROR fails (exit 96); FAIL fails (99); INCONCLUSIVE fails with {@code failOnInconclusive}
 * (97), else is UNSTABLE; WARNING fails with {@code failOnWarning} (98), else is UNSTABLE; a PASS whose score is
 * below {@code unstableBelow} is UNSTABLE; otherwise PASS. A {@code minScore} acts earlier, in
 * {@link #thresholds}: it replaces the spec's thresholds before the verdict is decided, so the verdict written
 * everywhere is already the one the gate judged (k6 uses 99 for failed thresholds; the others count down from it).
 */
public final class Gate {

    private Gate() {
    }

    /** The gate's outcome for a score already decided with {@link #thresholds}. */
    public static GateOutcome decide(ScoreResult score, GatePolicy policy) {
        // The verdict's own explanation is printed and reported just above the gate's line; the reason says only
        // what the gate added, so nothing is read twice.
        String verdict = "verdict " + score.verdict() + ", score " + Numbers.score(score.score());
        return switch (score.verdict()) {
            case ERROR -> outcome(GateStatus.FAIL, score, GateOutcome.EXIT_ERROR, policy,
                    "the run could not be scored: " + score.explanation());
            case FAIL -> outcome(GateStatus.FAIL, score, GateOutcome.EXIT_FAIL, policy, verdict + ": fails the gate");
            case INCONCLUSIVE -> policy.failOnInconclusive()
                    ? outcome(GateStatus.FAIL, score, GateOutcome.EXIT_INCONCLUSIVE, policy,
                            verdict + ", and the gate fails on inconclusive runs")
                    : outcome(GateStatus.UNSTABLE, score, GateOutcome.EXIT_PASS, policy,
                            verdict + ": unstable (fail on inconclusive to fail the gate instead)");
            case WARNING -> policy.failOnWarning()
                    ? outcome(GateStatus.FAIL, score, GateOutcome.EXIT_WARNING, policy,
                            verdict + ", and the gate fails on warnings")
                    : outcome(GateStatus.UNSTABLE, score, GateOutcome.EXIT_PASS, policy,
                            verdict + ": unstable (fail on warning to fail the gate instead)");
            case PASS -> policy.unstableBelow() != null && score.score() < policy.unstableBelow()
                    ? outcome(GateStatus.UNSTABLE, score, GateOutcome.EXIT_PASS, policy, verdict
                            + ", below the unstable line " + Numbers.format(policy.unstableBelow()) + ": unstable")
                    : outcome(GateStatus.PASS, score, GateOutcome.EXIT_PASS, policy, verdict + ": passes the gate");
        };
    }

    /**
     * The pass and warning thresholds the verdict is decided with: the spec's, or both equal to the policy's
     * {@code minScore}, so that a score below the minimum fails and one at or above it passes (no warning band,
     * which would let a score under the minimum through as a mere warning).
     */
    static double[] thresholds(double specPass, double specWarning, GatePolicy policy) {
        if (policy.minScore() == null) {
            return new double[] {specPass, specWarning};
        }
        return new double[] {policy.minScore(), policy.minScore()};
    }

    private static GateOutcome outcome(GateStatus status, ScoreResult score, int exitCode, GatePolicy policy,
            String reason) {
        return new GateOutcome(status, score.verdict(), score.score(), exitCode, reason, policy);
    }
}
