package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.bench.BenchmarkOptions;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.probe.StopSignal;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark for a command: progress lines, a stop on Ctrl-C or SIGTERM that still writes what was
 * measured, the headline table, the score when the spec has objectives, the reports, and the exit code that says
 * whether every probe measured.
 */
final class BenchmarkInvocation {
    /** How long a stop request waits for the probes to wind down and result.json to be written. */
    private static final long STOP_GRACE_SECONDS = 20;

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

    /** Benchmarks, scores against the history when the spec has objectives, writes result.json and reports. */
    static int run(LoadedSpec loaded, String specFile, BenchmarkOptions options, History history, PrintWriter out)
            throws ClusterBenchException {
        Measured measured = measure(loaded, specFile, options, out);
        RunResult result = Verdicts.scoreIfObjectives(loaded, measured.result(), history, out);
        Verdicts.write(result, options.outDir(), out);
        return measured.exitCode();
    }

    /** Benchmarks and prints progress and headlines; result.json holds the measurements (not yet the score). */
    static Measured measure(LoadedSpec loaded, String specFile, BenchmarkOptions options, PrintWriter out)
            throws ClusterBenchException {
        StopSignal stop = new StopSignal();
        CountDownLatch written = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            stop.raise();
            try {
                // The JVM exits when this hook returns: give the run the time to write what it measured.
                written.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "clusterbench-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            out.println("Benchmarking cluster '" + loaded.spec().name() + "' (" + specFile + ") into "
                    + options.outDir().resolve(ResultFiles.RESULT_JSON));
            RunResult result = ClusterBench.standard()
                    .benchmark(loaded, specFile, options, new ProgressPrinter(out), stop);
            out.println();
            HeadlineTable.print(result, out);
            out.println();
            out.println("Wrote " + options.outDir().resolve(ResultFiles.RESULT_JSON));
            if (stop.raised()) {
                out.println("Stopped before the end; result.json holds what was measured.");
            }
            return new Measured(result, stop.raised());
        } finally {
            written.countDown();
            removeHook(onSignal);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of a signal; the hook is running and will end by itself.
        }
    }
}
