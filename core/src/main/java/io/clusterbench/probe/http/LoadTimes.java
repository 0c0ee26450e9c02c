package io.clusterbench.probe.http;

/**
 * How long a load took, for the throughput metrics.
 *
 * @param elapsedSeconds from the first measured send to the end of the last request
 * @param sendingSeconds the open model's sending window (negative for the closed model, which has none)
 * @param warmupSeconds how long the warm-up ran before the measured part, 0 when there was none
 */
record LoadTimes(double elapsedSeconds, double sendingSeconds, double warmupSeconds) {
}
