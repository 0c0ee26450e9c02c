/**
 * The tuning role: every action reads the current state, changes it, reads it back and compares; a failure rolls
 * back what the run already applied, in reverse order; every step is evidence, written as it happens. Action kinds
 * live in sub-packages; {@link io.clusterbench.tune.ActionRegistry} registers them.
 */
package io.clusterbench.tune;
