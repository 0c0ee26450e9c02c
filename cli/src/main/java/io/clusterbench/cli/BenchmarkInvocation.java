package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs a benchmark for a command: progress lines, a stop on Ctrl-C or SIGTERM that still writes what was
 * measured, the headline table, the score when the spec has objectives, the reports, and the exit code that says
 * whether every probe measured.
 */
final class BenchmarkInvocation {
    private BenchmarkInvocation() {
    }

    /** What a benchmark measured, and whether it was stopped before the end. */
    record Measured(RunResult result, boolean stopped) {
        int exitCode() {
            if (stopped) {
                return ExitCodes.INTERRUPTED;
            }
            boolean allMeasured = result.probes().stream().allMatch(probe -> probe.status() == ProbeStatus.OK);
            return allMeasured ? ExitCodes.OK : ExitCodes.SOME_PROBES_FAILED;
        }
    }

    /**
     * Benchmarks, scores against the history when the spec has objectives, writes result.json and reports, and
     * returns the scored result with the measurement's exit code.
     */
    static Measured run(LoadedSpec loaded, String specFile, BenchmarkOptions options, History history,
            Path historyAdd, PrintWriter out) throws ClusterBenchException {
        Measured measured = measure(loaded, specFile, options, out);
        // A shard sent 1/N of the load: only the merged run is scored (docs/distributed.md).
        RunResult result = measured.result().oneShardOnly() ? measured.result()
                : Verdicts.scoreIfObjectives(loaded, measured.result(), history, out);
        if (measured.result().oneShardOnly()) {
            out.println("Shard " + measured.result().shard().label() + " of run " + measured.result().shard().runId()
                    + ": not scored; merge every shard's result.json with 'clusterbench merge' to score the run.");
        }
        Verdicts.write(result, options.outDir(), out);
        Verdicts.addToHistory(options.outDir(), historyAdd, out);
        return new Measured(result, measured.stopped());
    }

    /** Benchmarks and prints progress and headlines; result.json holds the measurements (not yet the score). */
    static Measured measure(LoadedSpec loaded, String specFile, BenchmarkOptions options, PrintWriter out)
            throws ClusterBenchException {
        try (SignalStop signal = new SignalStop("clusterbench-stop")) {
            out.println("Benchmarking cluster '" + loaded.spec().name() + "' (" + specFile + ") into "
                    + options.outDir().resolve(ResultFiles.RESULT_JSON));
            RunResult result = ClusterBench.standard()
                    .benchmark(loaded, specFile, options, new ProgressPrinter(out), signal.signal());
            printMeasured(result, options.outDir(), signal.signal().raised(), out);
            return new Measured(result, signal.signal().raised());
        }
    }

    /** The headline table, where result.json is, and whether the run stopped early. */
    static void printMeasured(RunResult result, Path outDir, boolean stopped, PrintWriter out) {
        out.println();
        HeadlineTable.print(result, out);
        out.println();
        out.println("Wrote " + outDir.resolve(ResultFiles.RESULT_JSON));
        if (stopped) {
            out.println("Stopped before the end; result.json holds what was measured.");
        }
    }
}
