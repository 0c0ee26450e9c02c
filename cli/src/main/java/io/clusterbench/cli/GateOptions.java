package io.clusterbench.cli;

import io.clusterbench.result.GatePolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The gate's options, the same for {@code assert} and {@code run}: a picocli mixin over core's {@link GatePolicy}. */
final class GateOptions {

    @Option(names = "--min-score", paramLabel = "N",
            description = "the score below which the gate fails, 0-100 (replaces the spec's score.pass and"
                    + " score.warning)")
    Double minScore;

    @Option(names = "--unstable-below", paramLabel = "N",
            description = "the score below which a passing gate is UNSTABLE, 0-100")
    Double unstableBelow;

    @Option(names = "--fail-on-warning", description = "fail the gate (exit 98) on a WARNING verdict")
    boolean failOnWarning;

    @Option(names = "--fail-on-inconclusive", description = "fail the gate (exit 97) on an INCONCLUSIVE verdict")
    boolean failOnInconclusive;

    /**
     * The policy, checked before anything runs or is written.
     *
     * @throws ParameterException naming the option and its range; the CLI exits 2 (usage)
     */
    GatePolicy policy(CommandSpec command) {
        try {
            GatePolicy.checkScore("--min-score", minScore);
            GatePolicy.checkScore("--unstable-below", unstableBelow);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        return new GatePolicy(minScore, unstableBelow, failOnWarning, failOnInconclusive);
    }
}
