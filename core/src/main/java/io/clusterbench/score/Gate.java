package io.clusterbench.score;

import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;

/**
 * Maps a score to a gate outcome and an exit code, so every front gates the same way: FAIL and ERROR always fail;
 * WARNING fails only with {@code failOnWarning}, INCONCLUSIVE only with {@code failOnInconclusive}; each failing
 * verdict has its own exit code (k6 uses 99 for failed thresholds; the others count down from it).
 */
public final class Gate {

    /** The gate passed (also a warning or inconclusive verdict that the options let through). */
    public static final int EXIT_PASS = 0;
    /** The verdict is FAIL: a key objective failed or the score is below the warning threshold. */
    public static final int EXIT_FAIL = 99;
    /** The verdict is WARNING and {@code failOnWarning} is set. */
    public static final int EXIT_WARNING = 98;
    /** The verdict is INCONCLUSIVE and {@code failOnInconclusive} is set. */
    public static final int EXIT_INCONCLUSIVE = 97;
    /** The verdict is ERROR: the run could not be scored (nothing measured, a pinned baseline run missing). */
    public static final int EXIT_ERROR = 96;

    private Gate() {
    }

    /**
     * The gate's outcome for {@code result}. With {@code minScore}, the verdict is decided again from the objectives
     * with pass threshold = minScore and warning threshold = the lower of the spec's warning threshold and minScore
     * (key objectives and inconclusive objectives keep their precedence); an ERROR verdict stays ERROR.
     */
    public static GateOutcome evaluate(ScoreResult result, GateOptions options) {
        Verdict verdict = result.verdict();
        String why = result.explanation();
        if (options.minScore() != null && verdict != Verdict.ERROR) {
            double pass = options.minScore();
            double warning = Math.min(result.warningThreshold(), pass);
            Verdicts.Decision decision = Verdicts.decide(result.objectives(), result.score(), pass, warning);
            verdict = decision.verdict();
            why = decision.explanation() + " (minimum score " + Numbers.format(pass) + " given to the gate)";
        }
        return switch (verdict) {
            case PASS -> outcome(verdict, result, false, EXIT_PASS, "pass: " + why);
            case FAIL -> outcome(verdict, result, true, EXIT_FAIL, "fail: " + why);
            case ERROR -> outcome(verdict, result, true, EXIT_ERROR, "error: " + why);
            case WARNING -> options.failOnWarning()
                    ? outcome(verdict, result, true, EXIT_WARNING, "warning, failing the gate (fail on warning): " + why)
                    : outcome(verdict, result, false, EXIT_PASS, "warning, not failing the gate (set fail on warning"
                            + " to fail it): " + why);
            case INCONCLUSIVE -> options.failOnInconclusive()
                    ? outcome(verdict, result, true, EXIT_INCONCLUSIVE,
                            "inconclusive, failing the gate (fail on inconclusive): " + why)
                    : outcome(verdict, result, false, EXIT_PASS, "inconclusive, not failing the gate (set fail on"
                            + " inconclusive to fail it): " + why);
        };
    }

    private static GateOutcome outcome(Verdict verdict, ScoreResult result, boolean failed, int code, String message) {
        return new GateOutcome(verdict, result.score(), failed, code, message);
    }
}
