package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.Gate;
import io.clusterbench.score.GateOptions;
import io.clusterbench.score.GateOutcome;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench assert RESULT}: scores a result against the spec's objectives and gates on the verdict. */
@Command(
        name = "assert",
        mixinStandardHelpOptions = true,
        description = {
            "Score RESULT (a result.json) against the spec's objectives, with baselines from --history, print",
            "every objective's explanation and the verdict, write the scored result.json and the reports into",
            "--out, and exit with a code a CI job can gate on."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pass (and warning or inconclusive unless told to fail on them)",
            "99:fail: a key objective failed or the score is below the minimum",
            "98:warning, with --fail-on-warning",
            "97:inconclusive, with --fail-on-inconclusive",
            "96:the run could not be scored (nothing measured, pinned baseline missing)",
            "2:invalid spec",
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

    @Option(names = "--history", paramLabel = "DIR", description = "earlier result.json files for baselines")
    Path history;

    @Option(names = "--min-score", paramLabel = "N", description = "pass threshold instead of the spec's score.pass")
    Double minScore;

    @Option(names = "--fail-on-warning", description = "exit 98 on a warning verdict")
    boolean failOnWarning;

    @Option(names = "--fail-on-inconclusive", description = "exit 97 on an inconclusive verdict")
    boolean failOnInconclusive;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for the scored result.json and reports"
            + " (default: the folder of RESULT)")
    Path out;

    @Override
    public Integer call() throws ClusterBenchException {
        PrintWriter stdout = command.commandLine().getOut();
        RunResult result = ResultFiles.read(resultFile);
        Path spec = specFile != null ? specFile : specOf(result);
        LoadedSpec loaded = SpecFiles.loadOrReport(spec, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        RunResult scored = result.withScore(
                ClusterBench.standard().score(loaded, result, Verdicts.history(history, stdout)));
        Verdicts.print(scored.score(), stdout);
        Path outDir = out != null ? out : resultFile.toAbsolutePath().getParent();
        Verdicts.write(scored, outDir, stdout);
        GateOutcome gate = Gate.evaluate(scored.score(), new GateOptions(minScore, failOnWarning, failOnInconclusive));
        stdout.println(gate.message());
        return gate.exitCode();
    }

    private Path specOf(RunResult result) throws ClusterBenchException {
        if (result.specFile() == null) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, resultFile + " does not name its spec; give --spec");
        }
        return Path.of(result.specFile());
    }
}
