package io.clusterbench.spec;

import java.util.Objects;

/**
 * How a run behaves (spec key {@code settings:}).
 *
 * @param rollback whether the actions already applied are rolled back when a tuning action fails
 * @param maxParallelProbes how many probes may run at once
 * @param rollbackIfWorse whether {@code clusterbench run} rolls the tuning back when a key objective's metric got
 *     significantly worse after it
 * @param quietCheck what the run does when the check before each measured condition finds other load on a target
 * @param lease where and how {@code tune}, {@code run} and {@code benchmark} take their lease on the cluster
 */
public record RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse,
        QuietCheckPolicy quietCheck, LeaseSettings lease) {

    /**
     * Roll back, four probes at once, keep tuning that made things worse (the report shows it), and call a comparison
     * inconclusive when something else loaded its target.
     */
    public static final RunSettings DEFAULT = new RunSettings(true, 4, false, QuietCheckPolicy.INCONCLUSIVE,
            LeaseSettings.DEFAULT);

    public RunSettings {
        Objects.requireNonNull(quietCheck, "quietCheck");
        Objects.requireNonNull(lease, "lease");
    }

    /** Settings with the default lease. */
    public RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse,
            QuietCheckPolicy quietCheck) {
        this(rollback, maxParallelProbes, rollbackIfWorse, quietCheck, LeaseSettings.DEFAULT);
    }

    /** Settings with the default quiet-cluster check ({@code inconclusive}). */
    public RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse) {
        this(rollback, maxParallelProbes, rollbackIfWorse, QuietCheckPolicy.INCONCLUSIVE);
    }

    /** Settings without {@code rollbackIfWorse} (false) and with the default quiet-cluster check. */
    public RunSettings(boolean rollback, int maxParallelProbes) {
        this(rollback, maxParallelProbes, false);
    }
}
