package io.clusterbench.cli;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plans or applies a spec's tuning for a command: one line per step as it happens, a summary, and the exit code.
 * On Ctrl-C or SIGTERM no further action starts; the evidence already written stays.
 */
final class TuneInvocation {
    private TuneInvocation() {
    }

    static int plan(LoadedSpec loaded, PrintWriter out) {
        out.println("Plan for cluster '" + loaded.spec().name() + "' (nothing is changed):");
        List<ChangeOutcome> plan = ClusterBench.standard().plan(loaded, new TuningPrinter(out));
        boolean readable = plan.stream().noneMatch(outcome -> outcome.status() == ChangeStatus.FAILED);
        return readable ? ExitCodes.OK : ExitCodes.SOME_PROBES_FAILED;
    }

    /** The result of an apply, and whether it was stopped. */
    record Tuned(RunResult result, boolean stopped) {
        int exitCode() {
            if (stopped) {
                return ExitCodes.INTERRUPTED;
            }
            boolean failed = result.changes().stream().anyMatch(change -> change.status().failedOrUndone());
            return failed ? ExitCodes.SOME_PROBES_FAILED : ExitCodes.OK;
        }
    }

    static int apply(LoadedSpec loaded, String specFile, Path outDir, boolean rollback, PrintWriter out)
            throws ClusterBenchException {
        Tuned tuned = tune(loaded, specFile, outDir, rollback, out);
        Verdicts.write(tuned.result(), outDir, out);
        return tuned.exitCode();
    }

    static Tuned tune(LoadedSpec loaded, String specFile, Path outDir, boolean rollback, PrintWriter out)
            throws ClusterBenchException {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread onSignal = new Thread(() -> stopped.set(true), "clusterbench-tune-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        RunResult result;
        try {
            int count = loaded.spec().tuning().size();
            out.println("Applying " + count + (count == 1 ? " tuning action" : " tuning actions") + " to cluster '"
                    + loaded.spec().name() + "'" + (rollback ? "" : " (no rollback)") + "; evidence: "
                    + outDir.resolve(OutputFiles.EVIDENCE_JSONL));
            result = ClusterBench.standard().tune(loaded, specFile, outDir, rollback, new TuningPrinter(out),
                    stopped::get);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // Exiting because of a signal: the hook has run and set the flag.
            }
        }
        out.println();
        TuningPrinter.summary(result.changes(), out);
        out.println("Wrote " + outDir.resolve(OutputFiles.EVIDENCE_JSONL) + " and " + outDir.resolve(ResultFiles.RESULT_JSON));
        return new Tuned(result, stopped.get());
    }
}
