package io.clusterbench.control;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.result.ProbeMeasurement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Hears what a benchmark does while it runs, to print it; every method may be called from any thread. */
public interface BenchmarkListener {

    /** One sentence about the run that is neither progress nor a result, such as running without a lease. */
    default void note(String line) {
    }

    /** A probe started. */
    default void probeStarted(String probe) {
    }

    /** The counters of the probes running now, about every progress interval. */
    default void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
    }

    /** A probe finished (or was skipped) and its measurement is in {@code result.json}. */
    default void probeFinished(ProbeMeasurement measurement, Path resultFile) {
    }

    /** Hears nothing. */
    BenchmarkListener SILENT = new BenchmarkListener() {
    };
}
