package io.clusterbench.cli;

import io.clusterbench.engine.RunListener;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Prints the stages of {@code clusterbench run} as the engine goes through them. */
final class RunPrinter implements RunListener {
    private final PrintWriter out;
    private final ProgressPrinter progress;
    private final TuningPrinter tuning;

    RunPrinter(PrintWriter out) {
        this.out = out;
        this.progress = new ProgressPrinter(out);
        this.tuning = new TuningPrinter(out);
    }

    @Override
    public void stage(int number, int of, String title) {
        out.println();
        out.println("== " + number + "/" + of + " " + title);
    }

    @Override
    public void probeStarted(String probe) {
        progress.probeStarted(probe);
    }

    @Override
    public void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
        progress.progress(elapsed, running);
    }

    @Override
    public void probeFinished(ProbeMeasurement measurement, Path resultFile) {
        progress.probeFinished(measurement, resultFile);
    }

    @Override
    public void step(Evidence evidence) {
        tuning.step(evidence);
    }

    @Override
    public void planned(ChangeOutcome outcome) {
        tuning.planned(outcome);
    }

    @Override
    public void round(int index, int of, String condition) {
        out.println("-- round " + index + "/" + of + ": " + condition + (condition.equals("A") ? " (before tuning)"
                : " (tuned)"));
    }

    @Override
    public void benchmarked(String stage, RunResult result) {
        out.println();
        out.println(stage.equals("before") ? "Before tuning (A), rounds merged:" : stage.equals("after")
                ? "Tuned (B), rounds merged:" : stage + ":");
        HeadlineTable.print(result, out);
    }

    @Override
    public void tuned(RunResult tuningResult) {
        out.println();
        TuningPrinter.summary(tuningResult.changes(), out);
    }

    @Override
    public void note(String line) {
        out.println(line);
    }
}
