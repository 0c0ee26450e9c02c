package io.clusterbench.control;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.Evidence;

/** Hears every tuning step as it is written, to print one line per action as the run goes. */
public interface TuningListener {

    /** One sentence about the run that is neither progress nor a result, such as running without a lease. */
    default void note(String line) {
    }

    /** A step of an apply or a rollback was written to evidence.jsonl; a dry run writes none (see planned). */
    default void step(Evidence evidence) {
    }

    /** A dry run worked out an action's plan. */
    default void planned(ChangeOutcome outcome) {
    }

    /** Hears nothing. */
    TuningListener SILENT = new TuningListener() {
    };
}
