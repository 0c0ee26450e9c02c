package io.clusterbench.probe.http;

/**
 * How long a load took, for the throughput metrics.
 *
 * @param elapsedSeconds from the first send to the end of the last request
 * @param sendingSeconds the open model's sending window (negative for the closed model, which has none)
 */
record LoadTimes(double elapsedSeconds, double sendingSeconds) {
}
