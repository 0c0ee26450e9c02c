package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.HistoryWindow;
import io.clusterbench.result.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench history add|list}: keeps runs for baselines and trends, once each, under their run ids. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Keep runs for baselines and trends. 'add' stores a run folder (or its result.json) as",
            "HISTORY_DIR/<runId>/result.json with its run-summary.json; the before/, tuning/ and after/ parts of a",
            "'run' folder are parts of that run, never runs of their own. 'list' prints the runs a history holds",
            "and which of them count as passing baselines. A folder filled with 'cp -r' of whole run folders reads",
            "the same."
        },
        subcommands = {HistoryCommand.Add.class, HistoryCommand.ListRuns.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:wrong command line", "3:the history folder is not writable",
            "6:the run or the history folder is unreadable"})
final class HistoryCommand implements Runnable {

    @Spec
    CommandSpec command;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(command.commandLine(),
                "name a subcommand: add RUN_DIR HISTORY_DIR, or list HISTORY_DIR");
    }

    /** {@code clusterbench history add RUN_DIR HISTORY_DIR}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Store the run in RUN_DIR (its result.json) in HISTORY_DIR under its run id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder or its result.json")
        Path run;

        @Parameters(index = "1", paramLabel = "HISTORY_DIR", description = "the history folder (created if missing)")
        Path history;

        @Override
        public Integer call() throws ClusterBenchException {
            Verdicts.addToHistory(run, history, command.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    /** {@code clusterbench history list HISTORY_DIR}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the runs in HISTORY_DIR, oldest first, with verdict, score and baseline use.")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Parameters(paramLabel = "HISTORY_DIR", description = "the history folder")
        Path history;

        @Override
        public Integer call() throws ClusterBenchException {
            PrintWriter out = command.commandLine().getOut();
            History read = ClusterBench.standard().readHistory(history);
            read.warnings().forEach(warning -> out.println("history: " + warning));
            List<RunResult> runs = read.runs();
            out.println(runs.size() + " runs in " + history + " (oldest first):");
            for (RunResult run : runs) {
                String verdict = run.score() == null ? "not scored"
                        : run.score().verdict() + " " + run.score().score();
                out.printf("  %-24s %-20s %-22s %s%n", run.runId(), run.cluster(), verdict,
                        HistoryWindow.countsAsPassing(run) ? "counts as passing baseline" : "not a passing baseline");
            }
            return ExitCodes.OK;
        }
    }
}
