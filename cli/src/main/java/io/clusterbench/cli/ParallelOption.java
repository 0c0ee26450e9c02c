package io.clusterbench.cli;

import io.clusterbench.control.BenchmarkOptions;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks {@code --parallel} against core's rule before anything runs; a bad value is a usage error (exit 2). */
final class ParallelOption {

    private ParallelOption() {
    }

    static OptionalInt check(CommandSpec command, Integer parallel) {
        if (parallel == null) {
            return OptionalInt.empty();
        }
        try {
            BenchmarkOptions.checkParallel("--parallel", parallel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        return OptionalInt.of(parallel);
    }
}
