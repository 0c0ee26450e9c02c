package io.clusterbench.spec;

/** How a run behaves: whether failed tuning rolls back, and how many probes may run at once (spec key settings:). */
public record RunSettings(boolean rollback, int maxParallelProbes) {

    /** Roll back, four probes at once. */
    public static final RunSettings DEFAULT = new RunSettings(true, 4);
}
