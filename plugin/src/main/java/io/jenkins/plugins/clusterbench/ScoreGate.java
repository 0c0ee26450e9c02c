package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.score.Gate;
import io.clusterbench.score.GateOptions;
import io.clusterbench.score.GateOutcome;
import java.io.Serializable;

/**
 * Turns a score into the build result {@code assertScore} sets, with core's {@link Gate} deciding pass and fail so
 * that the plugin gates exactly as {@code clusterbench assert} does, and {@code unstableBelow} adding a softer line.
 *
 * @param minimum the score below which the build fails, or null for the spec's {@code score.pass}
 * @param unstableBelow the score below which a build that does not fail is UNSTABLE, or null
 * @param failOnInconclusive whether an INCONCLUSIVE verdict (no baseline yet, too little data) fails the build
 */
public record ScoreGate(Double minimum, Double unstableBelow, boolean failOnInconclusive) implements Serializable {

    /** The build result to set, worst first so that a caller can see that FAILURE wins. */
    public enum BuildResult { FAILURE, UNSTABLE, SUCCESS }

    /**
     * A decision and the sentence that explains it.
     *
     * @param result the build result to set
     * @param message why, with the numbers
     */
    public record Decision(BuildResult result, Verdict verdict, String message) implements Serializable {
    }

    public ScoreGate {
        if (unstableBelow != null && !(unstableBelow >= 0 && unstableBelow <= 100)) {
            throw new IllegalArgumentException("unstableBelow must be 0-100, got " + unstableBelow);
        }
        // GateOptions checks minimum's range with the same wording.
        new GateOptions(minimum, false, failOnInconclusive);
    }

    /**
     * FAILURE when core's gate fails (a FAIL or ERROR verdict, a score below {@code minimum}, or an inconclusive
     * verdict with {@code failOnInconclusive}); otherwise UNSTABLE when the verdict is WARNING or the score is below
     * {@code unstableBelow}; otherwise SUCCESS.
     */
    public Decision decide(ScoreResult score) {
        // With a minimum, core's WARNING means "below the minimum" (it becomes the pass threshold), which must fail;
        // without one, WARNING is the spec's own warning band, which only makes the build UNSTABLE.
        GateOutcome gate = Gate.evaluate(score, new GateOptions(minimum, minimum != null, failOnInconclusive));
        if (gate.failed()) {
            return new Decision(BuildResult.FAILURE, gate.verdict(), gate.message());
        }
        if (unstableBelow != null && score.score() < unstableBelow) {
            return new Decision(BuildResult.UNSTABLE, gate.verdict(), "score " + score.score()
                    + " is below unstableBelow " + unstableBelow + "; " + gate.message());
        }
        if (gate.verdict() == Verdict.WARNING) {
            return new Decision(BuildResult.UNSTABLE, gate.verdict(), gate.message());
        }
        return new Decision(BuildResult.SUCCESS, gate.verdict(), gate.message());
    }
}
