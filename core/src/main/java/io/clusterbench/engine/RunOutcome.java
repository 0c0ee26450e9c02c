package io.clusterbench.engine;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ClusterBench#run} ended with.
 *
 * @param result the after-run with the tuning, the comparison, the score and the gate; the last stage's result
 *     when the run stopped early
 * @param before the before-run, scored
 * @param gate the gate's decision, or null when the run stopped before it
 * @param resultFile the result.json in the out folder, or null when the run stopped before writing it
 * @param reports the reports written
 * @param stopped whether a stop request ended the run early
 */
public record RunOutcome(RunResult result, RunResult before, GateOutcome gate, Path resultFile, List<Path> reports,
        boolean stopped) {

    public RunOutcome {
        reports = List.copyOf(reports);
    }

    /** Whether a probe of the before- or after-run failed or measured only partly. */
    public boolean probesFailed() {
        return failed(result) || (before != null && failed(before));
    }

    /**
     * Whether a required tuning action failed, was rolled back or did not start, or a rollback failed; an optional
     * action's failure does not count.
     */
    public boolean tuningFailed() {
        return ChangeOutcome.tuningFailed(result.changes());
    }

    /** Whether the tuning's preflight found a required action known to fail, so that nothing was applied. */
    public boolean tuningRefused() {
        return ChangeOutcome.refusedByPreflight(result.changes());
    }

    private static boolean failed(RunResult run) {
        return run.probes().stream().anyMatch(probe -> probe.status() != ProbeStatus.OK);
    }
}
