package io.clusterbench.engine;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.control.TuningListener;

/** Hears {@link ClusterBench#run} go through its stages, so that a front can print them; every method is optional. */
public interface RunListener extends BenchmarkListener, TuningListener {

    /** A stage begins: {@code number} of {@code of}, such as 2 of 4, "tuning". */
    default void stage(int number, int of, String title) {
    }

    /** Round {@code index} of {@code of} begins, in {@code condition} ({@code A} before tuning, {@code B} tuned). */
    default void round(int index, int of, String condition) {
    }

    /** The comparison of the conditions is done. */
    default void compared(RunComparison comparison) {
    }

    /** A benchmark stage ended; {@code result} holds its measurements, already written. */
    default void benchmarked(String stage, RunResult result) {
    }

    /** The tuning stage ended; {@code tuning} holds its changes and evidence, already written. */
    default void tuned(RunResult tuning) {
    }

    /** One sentence about the flow, such as the comparison or a rollback. */
    default void note(String line) {
    }

    /** Hears nothing. */
    RunListener SILENT = new RunListener() {
    };
}
