package io.clusterbench.probe;

import io.clusterbench.result.ProbeMeasurement;

/**
 * Measures one target described by a probe in the spec.
 *
 * <p>A probe never throws for a failure of what it measures (unreachable, refused, timed out, protocol error): it
 * records the failure in its measurement, with status {@code FAILED} or {@code PARTIAL}, so the run goes on. It
 * reports progress through {@link ProbeContext#progress()} and stops promptly, keeping what it measured, once
 * {@link ProbeContext#stop()} is raised.
 */
public interface Probe {

    /** Measures and returns what was measured; returns early, with partial numbers, when the run is stopped. */
    ProbeMeasurement run(ProbeContext context);
}
