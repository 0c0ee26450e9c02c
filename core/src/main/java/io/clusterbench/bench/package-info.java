/**
 * Runs a spec's probes: in parallel across services, with live progress, a stop signal, and {@code result.json}
 * rewritten after every finished probe so that a run stopped half-way keeps what it measured; and checks, before a
 * measured condition, that nothing else loads the probes' targets ({@link io.clusterbench.bench.QuietCheck}).
 */
package io.clusterbench.bench;
