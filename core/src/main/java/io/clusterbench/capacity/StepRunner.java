package io.clusterbench.capacity;

import io.clusterbench.result.ProbeMeasurement;

/** Measures one step of a capacity search: the load probe at one load, in its rounds, merged with rounds kept. */
@FunctionalInterface
public interface StepRunner {

    /** The probe's measurement at {@code load} (the knob's value), its rounds kept beside their merge. */
    ProbeMeasurement measure(double load);
}
