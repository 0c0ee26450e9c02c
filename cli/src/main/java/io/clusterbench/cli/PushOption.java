package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.PushTarget;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.result.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --push URL} of {@code export}, {@code benchmark} and {@code run}: a picocli mixin over core's
 * {@link PushTarget}, checked before anything runs, and the push of a finished run.
 */
final class PushOption {

    @Option(names = "--push", paramLabel = "URL",
            description = "push the run's metrics to this Prometheus Pushgateway (its base URL, such as"
                    + " http://pushgateway:9091; credentials as https://user:password@host, never printed)")
    String url;

    /**
     * The target, or empty without {@code --push}.
     *
     * @throws ParameterException saying what is wrong with the URL, without quoting it; the CLI exits 2 (usage)
     */
    Optional<PushTarget> target(CommandSpec command) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PushTarget.parse(url, "--push"));
        } catch (ClusterBenchException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /**
     * Pushes a finished run, unless there is no target or the run was stopped (a partial run would replace the
     * cluster's last complete one), and returns the exit code: the run's own when it is not 0, since a failed gate
     * or probe matters more than a failed push; else 4 (unreachable) or 5 (refused) when the push failed.
     */
    static int pushFinished(Optional<PushTarget> target, RunResult result, boolean stopped, int runExitCode,
            Path resultFile, PrintWriter out, PrintWriter err) {
        if (target.isEmpty()) {
            return runExitCode;
        }
        if (stopped) {
            out.println("Not pushed to " + target.get().shown() + ": the run was stopped before the end");
            return runExitCode;
        }
        try {
            PushReceipt receipt = ClusterBench.standard().push(result, target.get());
            out.println("Pushed " + receipt.series() + " series to " + receipt.url());
            return runExitCode;
        } catch (ClusterBenchException e) {
            err.println("clusterbench: " + e.getMessage());
            err.println("clusterbench: " + resultFile + " is written; push it again with: clusterbench export "
                    + resultFile + " --push URL");
            return runExitCode != ExitCodes.OK ? runExitCode : ExitCodes.of(e.kind());
        }
    }
}
