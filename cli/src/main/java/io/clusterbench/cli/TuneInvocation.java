package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.StopSignal;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.OutputFiles;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Plans, applies or recovers a spec's tuning for a command: one line per step as it happens, a summary, and the exit
 * code. On Ctrl-C or SIGTERM the running action finishes its step and read-back, no further one starts, and
 * evidence.jsonl, result.json and the reports are written before the process exits.
 */
final class TuneInvocation {
    private TuneInvocation() {
    }

    static int plan(LoadedSpec loaded, PrintWriter out) {
        out.println("Plan for cluster '" + loaded.spec().name() + "' (nothing is changed):");
        List<ChangeOutcome> plan = ClusterBench.standard().plan(loaded, new TuningPrinter(out));
        if (ChangeOutcome.refusedByPreflight(plan)) {
            refusal("--apply would change nothing: its preflight refuses the tuning", plan, out);
            return ExitCodes.PREFLIGHT;
        }
        skippedOptional(plan, out);
        return ExitCodes.OK;
    }

    /** Names every required action known to fail, and why, after the plan or the refused apply. */
    private static void refusal(String lead, List<ChangeOutcome> changes, PrintWriter out) {
        List<String> failing = ChangeOutcome.knownFailures(changes);
        out.println(lead + ", because " + (failing.size() == 1 ? "a required action is" : failing.size()
                + " required actions are") + " known to fail:");
        failing.forEach(line -> out.println("  " + line));
        out.println("Fix the spec or the cluster, or mark the action optional: true when the tuning may go on"
                + " without it (docs/tuning.md#preflight).");
        out.flush();
    }

    private static void skippedOptional(List<ChangeOutcome> plan, PrintWriter out) {
        plan.stream().filter(c -> c.optional() && !c.knownToFail().isEmpty()).forEach(c -> out.println(
                "Optional action '" + c.action() + "' is known to fail and would be skipped: " + c.knownToFail()));
        out.flush();
    }

    static int apply(LoadedSpec loaded, String specFile, Path outDir, boolean rollback, PrintWriter out)
            throws ClusterBenchException {
        // The hook holds the JVM's exit until everything below is written and printed.
        try (SignalStop signal = new SignalStop("clusterbench-tune-stop", SignalStop.TUNING_GRACE_SECONDS)) {
            int count = loaded.spec().tuning().size();
            out.println("Applying " + count + (count == 1 ? " tuning action" : " tuning actions") + " to cluster '"
                    + loaded.spec().name() + "'" + (rollback ? "" : " (no rollback)") + "; evidence: "
                    + outDir.resolve(OutputFiles.EVIDENCE_JSONL));
            out.flush();
            WrittenRun run = ClusterBench.standard().tuneAndWrite(loaded, specFile, outDir, rollback,
                    new TuningPrinter(out), signal.signal());
            finish(run, outDir, out);
            if (run.stopped()) {
                restoreHint(run, specFile, outDir, out);
                return ExitCodes.INTERRUPTED;
            }
            if (ChangeOutcome.refusedByPreflight(run.result().changes())) {
                refusal("Nothing was applied: the preflight refused the tuning", run.result().changes(), out);
                return ExitCodes.PREFLIGHT;
            }
            return ChangeOutcome.tuningFailed(run.result().changes()) ? ExitCodes.SOME_PROBES_FAILED : ExitCodes.OK;
        }
    }

    /** {@code tune --rollback}: restores what the evidence leaves applied. */
    static int recover(LoadedSpec loaded, String specFile, Path evidence, Path outDir, PrintWriter out)
            throws ClusterBenchException {
        try (SignalStop signal = new SignalStop("clusterbench-recover-stop", SignalStop.TUNING_GRACE_SECONDS)) {
            out.println("Restoring what " + evidence + " leaves applied on cluster '" + loaded.spec().name()
                    + "'; evidence: " + outDir.resolve(OutputFiles.EVIDENCE_JSONL));
            out.flush();
            StopSignal stop = signal.signal();
            WrittenRun run = ClusterBench.standard().recover(loaded, specFile, evidence, outDir,
                    new TuningPrinter(out), stop);
            if (run.result().changes().isEmpty()) {
                out.println("Nothing to restore: every change in " + evidence + " was rolled back or never made.");
            }
            finish(run, outDir, out);
            if (run.stopped()) {
                out.println("Stopped; run the same command again to restore the rest.");
                return ExitCodes.INTERRUPTED;
            }
            boolean left = run.result().changes().stream().anyMatch(change -> change.status() != ChangeStatus.UNCHANGED
                    && change.status() != ChangeStatus.ROLLED_BACK);
            return left ? ExitCodes.SOME_PROBES_FAILED : ExitCodes.OK;
        }
    }

    private static void finish(WrittenRun run, Path outDir, PrintWriter out) {
        out.println();
        TuningPrinter.summary(run.result().changes(), out);
        out.println("Wrote " + outDir.resolve(OutputFiles.EVIDENCE_JSONL) + " and " + outDir.resolve(ResultFiles.RESULT_JSON));
        Verdicts.reported(outDir, out);
        out.flush();
    }

    /** After a stop: how to undo what stayed applied. */
    static void restoreHint(WrittenRun run, String specFile, Path outDir, PrintWriter out) {
        out.println("Stopped: no action started after the stop.");
        if (run.result().changes().stream().anyMatch(change -> change.status() == ChangeStatus.APPLIED)) {
            out.println("To undo what stayed applied: clusterbench tune " + specFile + " --rollback "
                    + outDir.resolve(OutputFiles.EVIDENCE_JSONL));
        }
        out.flush();
    }
}
