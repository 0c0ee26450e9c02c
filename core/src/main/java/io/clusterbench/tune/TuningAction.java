package io.clusterbench.tune;

import io.clusterbench.ClusterBenchException;
import java.util.Map;

/**
 * One kind of change to a cluster, behind the protocol that {@link Tuning} drives: {@link #plan} reads the current
 * state and says what would change (changing nothing); {@link #apply} makes the change and reads the state back;
 * {@link #rollback} restores the state read by {@code plan} and reads it back.
 *
 * <p>Implementations throw {@link ClusterBenchException} when a step cannot be done (unreachable, refused, a bad
 * value); the runner records it as evidence and rolls back. They never print or return secrets.
 */
public interface TuningAction {

    /** Reads the current state and works out the change; must not change anything. */
    ActionPlan plan(ActionContext context) throws ClusterBenchException;

    /** Makes the planned change, then reads the state back; {@link ActionState#verified()} says if it matches. */
    ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException;

    /**
     * Restores {@code plan.before()} and reads it back. Only called for actions that {@link #apply} changed and
     * whose plan is {@link ActionPlan#reversible() reversible}.
     */
    ActionState rollback(ActionContext context, ActionPlan plan) throws ClusterBenchException;

    /**
     * What an operator does by hand to bring the target back to {@code before} when a rollback failed or cannot run:
     * one sentence that names the values or the command, never a secret, read after "by hand: ". Must not throw.
     */
    default String byHand(ActionContext context, Map<String, String> before) {
        return "restore " + before + " on the target";
    }
}
