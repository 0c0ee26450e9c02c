/**
 * What a run measured: per-probe measurements with units, latency histograms, errors and timings, and the
 * {@code result.json} file they are written to.
 */
package io.clusterbench.result;
