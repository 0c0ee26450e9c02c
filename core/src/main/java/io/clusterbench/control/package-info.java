/**
 * Ground: how a front steers and hears a flow, shared by the fronts, the engine and the roles: the options of a
 * benchmark, the stop signal, the progress counters and the listeners of a benchmark and a tuning, and where and
 * how a run's metrics are exported (the export format, a Pushgateway target).
 */
package io.clusterbench.control;
