/**
 * Ground: how a front steers and hears a flow, shared by the fronts, the engine and the roles: the options of a
 * benchmark, the stop signal, the progress counters and the listeners of a benchmark and a tuning.
 */
package io.clusterbench.control;
