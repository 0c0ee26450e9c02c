/**
 * Runs a spec's probes: in parallel across services, with live progress, a stop signal, and {@code result.json}
 * rewritten after every finished probe so that a run stopped half-way keeps what it measured.
 */
package io.clusterbench.bench;
