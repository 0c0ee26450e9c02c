package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.InputFiles;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.GatedRun;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench assert RESULT}: scores a result against the spec's objectives and gates on the verdict. */
@Command(
        name = "assert",
        mixinStandardHelpOptions = true,
        description = {
            "Score RESULT (a result.json) against the spec's objectives, with baselines from --history, decide the",
            "gate (PASS, UNSTABLE or FAIL), print every objective's explanation, the verdict and the gate, write the",
            "scored and gated result.json and the reports into --out, and exit with the gate's code. The console,",
            "the exit code, result.json's gate, audit-report.md/html and junit.xml always say the same."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the gate passed, or is UNSTABLE (a warning or inconclusive verdict that the options let through, a"
                    + " score below --unstable-below): the console and result.json say which",
            "99:fail: a key objective failed or the score is below the lower threshold (or --min-score)",
            "98:warning, with --fail-on-warning",
            "97:inconclusive, with --fail-on-inconclusive",
            "96:the run could not be scored (nothing measured, pinned baseline missing)",
            "2:invalid spec, or an option out of range (nothing was written)",
            "3:the output folder is not writable",
            "6:RESULT or the history folder is unreadable"
        })
final class AssertCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RESULT", description = "the result.json to judge")
    Path resultFile;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "the cluster spec with the objectives (default: the spec file the result names)")
    Path specFile;

    @Mixin
    HistoryOptions histories;

    @Mixin
    GateOptions gateOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for the scored result.json and reports"
            + " (default: the folder of RESULT)")
    Path out;

    @Override
    public Integer call() throws ClusterBenchException {
        GatePolicy policy = gateOptions.policy(command);
        PrintWriter stdout = command.commandLine().getOut();
        RunResult result = ResultFiles.read(resultFile);
        Path spec = specFile != null ? specFile : specOf(result);
        LoadedSpec loaded = SpecFiles.loadOrReport(spec, command.commandLine().getErr());
        if (loaded == null && specFile == null) {
            // A result.json can come from anywhere and name any file as its spec: say whose word it was.
            command.commandLine().getErr().println(spec + " is the spec that " + resultFile + " names as its"
                    + " specFile; give the right one with --spec");
        }
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        Path outDir = out != null ? out : resultFile.toAbsolutePath().getParent();
        GatedRun gated = ClusterBench.standard().gate(loaded, result, histories.read(stdout), policy,
                outDir);
        Verdicts.print(gated.result().score(), gated.gate(), stdout);
        Verdicts.reported(outDir, stdout);
        Verdicts.addToHistory(outDir, histories.historyAdd, stdout);
        return gated.gate().exitCode();
    }

    private Path specOf(RunResult result) throws ClusterBenchException {
        if (result.specFile() == null) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, resultFile + " does not name its spec; give --spec");
        }
        try {
            return InputFiles.path(result.specFile());
        } catch (InputFiles.Refused refused) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, resultFile + ": its specFile is "
                    + refused.getMessage() + "; give the spec with --spec");
        }
    }
}
