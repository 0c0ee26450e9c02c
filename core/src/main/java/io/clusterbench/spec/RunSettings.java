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
 * @param extraRounds the most rounds per condition an alternating {@code run} may add, once, when a compared metric's
 *     rounds were too noisy to promise anything (or too few for its interval); 0 never adds any
 */
public record RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse,
        QuietCheckPolicy quietCheck, LeaseSettings lease, int extraRounds) {

    /**
     * Up to three times the default rounds per condition: a p99 whose floor is 2.5 times the limit after 5 rounds
     * needs about 15 (the floor shrinks as one over the square root of the rounds); beyond that, longer rounds help
     * more than more of them.
     */
    public static final int DEFAULT_EXTRA_ROUNDS = 10;
    /** The most {@code settings.extraRounds} may ask for. */
    public static final int MAX_EXTRA_ROUNDS = 100;

    /**
     * Roll back, four probes at once, keep tuning that made things worse (the report shows it), and call a comparison
     * inconclusive when something else loaded its target.
     */
    public static final RunSettings DEFAULT = new RunSettings(true, 4, false, QuietCheckPolicy.INCONCLUSIVE,
            LeaseSettings.DEFAULT, DEFAULT_EXTRA_ROUNDS);

    public RunSettings {
        Objects.requireNonNull(quietCheck, "quietCheck");
        Objects.requireNonNull(lease, "lease");
        if (extraRounds < 0 || extraRounds > MAX_EXTRA_ROUNDS) {
            throw new IllegalArgumentException("extraRounds must be 0-" + MAX_EXTRA_ROUNDS + ", got " + extraRounds);
        }
    }

    /** Settings with the default extra rounds. */
    public RunSettings(boolean rollback, int maxParallelProbes, boolean rollbackIfWorse,
            QuietCheckPolicy quietCheck, LeaseSettings lease) {
        this(rollback, maxParallelProbes, rollbackIfWorse, quietCheck, lease, DEFAULT_EXTRA_ROUNDS);
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
