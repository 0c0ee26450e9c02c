package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.ExportFormat;
import io.clusterbench.control.PushTarget;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench export RESULT}: a run's metrics as OpenMetrics text, or pushed to a Pushgateway. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the run's score, verdict, gate, probe statuses, headline metrics, objective states and effects",
            "as Prometheus metrics (names and labels in docs/results.md): OpenMetrics text on standard output or",
            "into --out FILE, or, with --push URL, pushed to a Prometheus Pushgateway (then the text is written",
            "only with --out). RESULT is a result.json or a run folder that holds one."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written or pushed",
            "2:an unknown --format or a --push that is not an http(s) URL (nothing was read or sent)",
            "3:--out cannot be written",
            "4:the Pushgateway cannot be reached or did not answer in time",
            "5:the Pushgateway refused the push (the message has its answer)",
            "6:RESULT is missing, or not a readable result.json"
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RESULT", description = "a result.json, or a run folder that holds one")
    Path result;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "openmetrics",
            description = "openmetrics or prometheus (the text format 0.0.4) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the text into FILE instead of standard output")
    Path out;

    @Mixin
    PushOption push;

    @Override
    public Integer call() throws ClusterBenchException {
        ExportFormat chosen = ExportFormat.named(format).orElseThrow(() -> new ParameterException(
                command.commandLine(), "--format must be one of " + String.join(", ", ExportFormat.words())
                        + ", got '" + format + "'"));
        Optional<PushTarget> target = push.target(command);
        Path file = resultFile();
        RunResult run = ResultFiles.read(file);
        ClusterBench engine = ClusterBench.standard();
        PrintWriter stdout = command.commandLine().getOut();
        String text = engine.export(run, chosen);
        if (out != null) {
            write(text, out);
            stdout.println("Wrote " + out);
        } else if (target.isEmpty()) {
            stdout.print(text);
        }
        if (target.isPresent()) {
            PushReceipt receipt = engine.push(run, target.get());
            stdout.println("Pushed " + receipt.series() + " series of run " + run.runId() + " to " + receipt.url());
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** RESULT, or the result.json in it when it is a folder; a missing one is a bad argument, not a bad machine. */
    private Path resultFile() throws ClusterBenchException {
        Path file = Files.isDirectory(result) ? result.resolve(ResultFiles.RESULT_JSON) : result;
        if (!Files.exists(file)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, file + ": no such file; give a result.json, or the"
                    + " run folder (--out of benchmark, run or assert) that holds one");
        }
        return file;
    }

    private static void write(String text, Path file) throws ClusterBenchException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write " + file + " (" + e.getClass()
                    .getSimpleName() + "); choose a writable file with --out");
        }
    }
}
