package io.jenkins.plugins.clusterbench;

import hudson.model.Result;
import io.clusterbench.result.GateOutcome;

/**
 * Adapts core's gate decision to Jenkins: PASS is SUCCESS, UNSTABLE is UNSTABLE, FAIL is FAILURE. The decision itself
 * is core's ({@code io.clusterbench.score.Gate}), the same one {@code clusterbench assert} exits with.
 */
final class GateResults {

    private GateResults() {
    }

    /** The build result for a gate outcome. */
    static Result of(GateOutcome gate) {
        return switch (gate.status()) {
            case PASS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAIL -> Result.FAILURE;
        };
    }

    /** The name of {@link #of}'s result, as Jenkins prints it; testable without a running Jenkins. */
    static String nameOf(GateOutcome gate) {
        return switch (gate.status()) {
            case PASS -> "SUCCESS";
            case UNSTABLE -> "UNSTABLE";
            case FAIL -> "FAILURE";
        };
    }

    /** The console line, the same as the CLI's. */
    static String line(GateOutcome gate) {
        return "Cluster Bench " + gate.line();
    }
}
