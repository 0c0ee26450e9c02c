package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clusterbench} command: measures a cluster, tunes it with evidence and scores it.
 *
 * <p>Usage: {@code clusterbench validate cluster.yaml}, {@code clusterbench demo}.
 */
@Command(
        name = "clusterbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure a service cluster, change its settings with evidence, score it against objectives.",
        subcommands = {ValidateCommand.class, BenchmarkCommand.class, TuneCommand.class, RunCommand.class,
            AssertCommand.class, HistoryCommand.class, TrendCommand.class, ExportCommand.class, MergeCommand.class, CoordinateCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:benchmark: some probes failed or measured only partly; tune: an action failed",
            "2:invalid spec (every problem printed with file:line:column) or command line (an option out of range)",
            "3:environment problem (missing server binary, unwritable folder)",
            "4:a host or service (or a --push Pushgateway) unreachable, refused or timed out",
            "5:a remote command failed, or a Pushgateway refused a push",
            "6:an input file other than the spec is invalid",
            "9:merge: the shard results do not make one run (run id, spec, a shard twice or missing)",
            "10:merge: a shard's clock was further off the coordinator's than --max-clock-offset",
            "70:internal error (a bug; please report it)",
            "96-99:assert and run: not scorable, inconclusive, warning, fail (see their --help)",
            "130:interrupted"
        })
public final class ClusterBenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: validate SPEC");
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int execute(PrintWriter rawOut, PrintWriter rawErr, String... args) {
        // Server-controlled text reaches both streams: no control character gets to the terminal as it is.
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(rawErr), true);
        CommandLine commandLine = new CommandLine(new ClusterBenchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(ClusterBenchCommand::exitCodeOf);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("clusterbench: " + exception.getMessage());
            err.println("Run '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof ClusterBenchException userError) {
                // A user-caused failure: its message says where and what to do; a stack trace would only hide it.
                err.println("clusterbench: " + userError.getMessage());
            } else {
                err.println("clusterbench: internal error, please report it: " + exception);
                exception.printStackTrace(err);
            }
            return exitCodeOf(exception);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int exitCodeOf(Throwable exception) {
        if (exception instanceof ClusterBenchException userError) {
            return ExitCodes.of(userError.kind());
        }
        return ExitCodes.INTERNAL;
    }
}
