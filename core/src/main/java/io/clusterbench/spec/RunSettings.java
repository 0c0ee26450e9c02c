package io.clusterbench.spec;

/**
 * How a run behaves (spec key {@code settings:}).
 *
 * @param rollback whether the actions already applied are rolled back when a tuning action fails
 * @param maxParallelProbes how many probes may run at once
 * @param rollbackIfWorse whether {@code clusterbench run} rolls the tuning back when a key objective's metric got
 *     significantly worse after it
 */
public record RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse) {

    /** Roll back, four probes at once, keep tuning that made things worse (the report shows it). */
    public static final RunSettings DEFAULT = new RunSettings(true, 4, false);

    /** Settings without {@code rollbackIfWorse} (false). */
    public RunSettings(boolean rollback, int maxParallelProbes) {
        this(rollback, maxParallelProbes, false);
    }
}
