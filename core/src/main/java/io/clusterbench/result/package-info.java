/**
 * Ground: what a run measured and what was decided about it: per-probe measurements with units, latency
 * histograms, errors and timings, the score and the gate, and the {@code result.json} file they are written to;
 * across runs, the history read from run folders, the run summaries and the trend model every chart draws.
 */
package io.clusterbench.result;
