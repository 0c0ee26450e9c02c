package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.result.History;
import io.clusterbench.result.ShardMark;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench merge RESULT... --out DIR}: merges the results of a run's shards into one run. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the result.json files of every shard of one run (benchmark --shard I/N --run-id ID) into the",
            "run they measured together: histograms added exactly, counts and errors summed, throughput over the",
            "common window. Writes result.json and the reports into --out; with --spec, scores the merged run.",
            "Refuses shards of different runs or specs, a shard given twice, a missing shard, and a shard whose",
            "clock was further off the coordinator's than --max-clock-offset."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:merged and written",
            "2:an option is wrong, or --spec is invalid",
            "3:the output folder is not writable",
            "6:a RESULT is not a readable result.json",
            "9:the shards do not make one run: another run id or spec, a shard twice, a shard missing",
            "10:a shard's clock was further off the coordinator's than --max-clock-offset"
        })
final class MergeCommand implements Callable<Integer> {

    /** The default bound on a shard's clock offset: a few ms lines windows of seconds up to well under 1%. */
    static final double DEFAULT_MAX_CLOCK_OFFSET_MS = 50;

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RESULT", arity = "1..*",
            description = "each shard's result.json (or the folder holding it)")
    List<Path> results;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the merged result.json")
    Path out;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "the spec the shards ran, to score the merged run against its objectives")
    Path specFile;

    @Option(names = "--max-clock-offset", paramLabel = "MS", defaultValue = "50",
            description = "the largest clock offset to the coordinator a shard may have had (default: ${DEFAULT-VALUE})")
    double maxClockOffsetMs;

    @Mixin
    HistoryOptions histories;

    @Override
    public Integer call() throws ClusterBenchException {
        if (!(maxClockOffsetMs >= 0) || Double.isInfinite(maxClockOffsetMs)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--max-clock-offset must be a number of ms, 0 or more, got " + maxClockOffsetMs);
        }
        PrintWriter stdout = command.commandLine().getOut();
        LoadedSpec spec = null;
        if (specFile != null) {
            spec = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
            if (spec == null) {
                return ExitCodes.INVALID_SPEC;
            }
        }
        History history = histories.read(stdout);
        WrittenRun merged = ClusterBench.standard().merge(results, maxClockOffsetMs, spec, history, out);
        stdout.println("Merged " + merged.result().shards().size() + " shards of run " + merged.result().runId()
                + ":");
        for (ShardMark mark : merged.result().shards()) {
            stdout.println("  shard " + mark.label() + " from " + mark.host() + (mark.clock() == null
                    ? ", clock not checked (no --coordinator)"
                    : String.format(Locale.ROOT, ", clock offset %.3f ms (round trip %.3f ms) to %s",
                            mark.clock().offsetMs(), mark.clock().roundTripMs(), mark.clock().coordinator())));
        }
        stdout.println();
        HeadlineTable.print(merged.result(), stdout);
        if (merged.result().score() != null) {
            Verdicts.print(merged.result().score(), stdout);
        }
        stdout.println("Wrote " + merged.resultFile());
        Verdicts.addToHistory(out, histories.historyAdd, stdout);
        return ExitCodes.OK;
    }
}
