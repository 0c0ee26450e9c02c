package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.PushTarget;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench benchmark SPEC}: runs the spec's probes and writes result.json. */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Run the spec's probes and write result.json into the output folder; when the spec has objectives,",
            "score the run (baselines from --history) and print every objective's explanation and the verdict;",
            "write audit-report.md, audit-report.html and junit.xml beside result.json.",
            "Probes against different services run in parallel; a probe that fails records its error and the run",
            "goes on. Prints progress every second and a table of headline numbers at the end.",
            "Ctrl-C or SIGTERM stops the load promptly and still writes what was measured."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ran, every probe measured",
            "1:ran, some probes failed or measured only partly (see result.json)",
            "2:could not run: invalid spec, unknown --only probe or an option out of range",
            "3:could not run: the output folder is not writable",
            "4:ran, but --push could not reach the Pushgateway (5: it refused the push)",
            "130:stopped by Ctrl-C or SIGTERM (result.json holds what was measured)"
        })
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the cluster spec, e.g. cluster.yaml")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clusterbench-out",
            description = "folder for result.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--only", paramLabel = "PROBE", split = ",",
            description = "run only these probes (repeat or separate with commas)")
    List<String> only = new ArrayList<>();

    @Mixin
    HistoryOptions histories;

    @Option(names = "--parallel", paramLabel = "N",
            description = "probe groups run at once, 1 or more (default: the spec's settings.maxParallelProbes)")
    Integer parallel;

    @Mixin
    PushOption push;

    @Mixin
    ShardOptions shard;

    @Override
    public Integer call() throws ClusterBenchException {
        OptionalInt maxParallel = ParallelOption.check(command, parallel);
        Optional<PushTarget> target = push.target(command);
        LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        BenchmarkOptions options = shard.applyTo(command,
                new BenchmarkOptions(out, only, maxParallel, Duration.ofSeconds(1)));
        PrintWriter stdout = command.commandLine().getOut();
        BenchmarkInvocation.Measured measured = BenchmarkInvocation.run(loaded, specFile.toString(), options,
                histories.read(stdout), histories.historyAdd, stdout);
        return PushOption.pushFinished(target, measured.result(), measured.stopped(), measured.exitCode(),
                out.resolve(ResultFiles.RESULT_JSON), stdout, command.commandLine().getErr());
    }
}
