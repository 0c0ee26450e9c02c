/**
 * The probe role: one {@link io.clusterbench.probe.Probe} per kind measures one target and returns a
 * {@link io.clusterbench.result.ProbeMeasurement}; failures of the target are recorded, never thrown. Probe kinds
 * live in sub-packages; {@code io.clusterbench.bench.ProbeRegistry} registers them.
 */
package io.clusterbench.probe;
