package io.clusterbench.score;

import io.clusterbench.result.Verdict;
import java.util.Objects;

/**
 * What a gate decided: the verdict under the gate's options, whether it fails the build, the exit code for the CLI
 * and one sentence why.
 *
 * @param verdict the verdict, recomputed with {@link GateOptions#minScore} when that is given
 * @param score the run's total
 * @param failed whether the gate fails
 * @param exitCode 0 when the gate does not fail, else one of {@link Gate}'s exit codes
 * @param message one sentence with the numbers
 */
public record GateOutcome(Verdict verdict, double score, boolean failed, int exitCode, String message) {

    public GateOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }
}
