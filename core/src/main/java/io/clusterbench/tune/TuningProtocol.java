package io.clusterbench.tune;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.SshHosts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One apply run: a {@link Preflight} plans every action first and refuses the run, changing nothing, when a required
 * action is known to fail; then each action in spec order goes through plan, apply and verify; when a required one
 * fails, rollback in reverse. An optional action that fails is rolled back alone and the others go on.
 */
final class TuningProtocol {
    private final ActionRegistry registry;
    private final ClusterSpec cluster;
    private final SecretResolver secrets;
    private final SshHosts ssh;
    private final Clock clock;
    private final TuningSteps steps;
    private final Map<String, ChangeOutcome> outcomes = new LinkedHashMap<>();
    /** Actions this run changed (also those whose read-back failed), most recent first. */
    private final Deque<Changed> changed = new ArrayDeque<>();

    TuningProtocol(ActionRegistry registry, ClusterSpec cluster, SecretResolver secrets, SshHosts ssh, Clock clock,
            TuningSteps steps) {
        this.registry = registry;
        this.cluster = cluster;
        this.secrets = secrets;
        this.ssh = ssh;
        this.clock = clock;
        this.steps = steps;
    }

    List<ChangeOutcome> run(boolean rollback, BooleanSupplier stopped) throws ClusterBenchException {
        Preflight preflight = Preflight.check(registry, cluster, secrets, ssh, clock);
        List<ActionSpec> refusing = preflight.refusing(cluster.tuning());
        if (!refusing.isEmpty()) {
            for (ActionSpec spec : cluster.tuning()) {
                notStarted(spec, preflight.of(spec), preflight.notStarted(spec, refusing));
            }
            return List.copyOf(outcomes.values());
        }
        boolean failed = false;
        for (ActionSpec spec : cluster.tuning()) {
            if (failed || stopped.getAsBoolean()) {
                String why = failed ? "not started: an earlier action failed" : "not started: the run was stopped";
                notStarted(spec, new Preflight.Finding("-", ""), why);
                continue;
            }
            Preflight.Finding found = preflight.of(spec);
            if (found.fails()) {
                // Only an optional action gets here: a required one known to fail refused the run above.
                notStarted(spec, found, Preflight.skipped(found.knownToFail()));
                continue;
            }
            boolean done = applyOne(spec);
            if (!done && spec.optional()) {
                if (rollback) {
                    rollBackFailedOptional(spec);
                }
            } else {
                failed = !done;
            }
        }
        if (failed && rollback) {
            rollBack();
        } else if (failed && !changed.isEmpty()) {
            for (Changed action : changed) {
                steps.write(action.spec(), action.plan().target(), EvidenceStep.NOT_REVERSIBLE, action.plan().before(),
                        action.plan().wanted(), Map.of(), List.of(), steps.now(),
                        "left as applied: the spec says rollback: false");
            }
        }
        return List.copyOf(outcomes.values());
    }

    private void notStarted(ActionSpec spec, Preflight.Finding found, String why) throws ClusterBenchException {
        steps.write(spec, found.target(), EvidenceStep.NOT_STARTED, Map.of(), Map.of(), Map.of(), List.of(),
                steps.now(), why);
        outcomes.put(spec.id(), Outcomes.of(spec, found.target(), ChangeStatus.NOT_STARTED, Map.of(), Map.of(),
                Map.of(), false, why, found.knownToFail()));
    }

    /** An optional action failed: only its own change, if it made one, is restored; the others stay. */
    private void rollBackFailedOptional(ActionSpec spec) throws ClusterBenchException {
        if (!changed.isEmpty() && changed.peek().spec().id().equals(spec.id())) {
            rollBackOne(changed.pop());
        }
    }

    /** Returns false when the action failed. */
    private boolean applyOne(ActionSpec spec) throws ClusterBenchException {
        Instant started = steps.now();
        TuningAction action = registry.action(spec.kind()).orElse(null);
        if (action == null) {
            return fail(spec, "-", Map.of(), Map.of(), Map.of(), List.of(), started, Preflight.noImplementation(spec));
        }
        ActionContext context = new ActionContext(cluster, spec, secrets, ssh, clock);
        ActionPlan plan;
        try {
            plan = action.plan(context);
        } catch (ClusterBenchException e) {
            return fail(spec, "-", Map.of(), Map.of(), Map.of(), List.of(), started, Preflight.unreadable(e));
        }
        if (plan.fails()) {
            // The preflight passed it, but the actions before it changed what it depends on.
            return fail(spec, plan.target(), plan.before(), plan.wanted(), Map.of(), List.of(), started,
                    "known to fail once the actions before it were applied, so nothing was sent: "
                            + plan.knownToFail());
        }
        if (plan.change() == ActionPlan.Change.UNCHANGED) {
            steps.write(spec, plan.target(), EvidenceStep.UNCHANGED, plan.before(), plan.wanted(), plan.before(), List.of(),
                    started, Outcomes.planMessage(plan));
            record(spec, plan, ChangeStatus.UNCHANGED, plan.before(), true, Outcomes.planMessage(plan));
            return true;
        }
        if (plan.change() == ActionPlan.Change.CHECK_ONLY) {
            return check(spec, action, context, plan, started);
        }
        // Written and forced to disk BEFORE the change: a run killed now still says what it was doing.
        steps.write(spec, plan.target(), EvidenceStep.APPLYING, plan.before(), plan.wanted(), Map.of(), plan.command(),
                started, Outcomes.applyingMessage(plan));
        ActionState after;
        try {
            after = action.apply(context, plan);
        } catch (ClusterBenchException e) {
            // A change that failed half-way may have changed something: roll it back with the others.
            changed.push(new Changed(spec, action, context, plan));
            return fail(spec, plan.target(), plan.before(), plan.wanted(), Map.of(), plan.command(), started,
                    e.getMessage());
        }
        changed.push(new Changed(spec, action, context, plan));
        if (!after.verified()) {
            return fail(spec, plan.target(), plan.before(), plan.wanted(), after.values(), plan.command(), started,
                    "read-back differs: " + after.message());
        }
        steps.write(spec, plan.target(), EvidenceStep.APPLIED, plan.before(), plan.wanted(), after.values(), plan.command(),
                started, after.message());
        record(spec, plan, ChangeStatus.APPLIED, after.values(), true, after.message());
        return true;
    }

    private boolean check(ActionSpec spec, TuningAction action, ActionContext context, ActionPlan plan,
            Instant started) throws ClusterBenchException {
        try {
            ActionState state = action.apply(context, plan);
            steps.write(spec, plan.target(), EvidenceStep.CHECKED, plan.before(), plan.wanted(), state.values(), List.of(),
                    started, state.message());
            record(spec, plan, ChangeStatus.CHECKED, state.values(), state.verified(), state.message());
            return true;
        } catch (ClusterBenchException e) {
            return fail(spec, plan.target(), plan.before(), plan.wanted(), Map.of(), List.of(), started,
                    e.getMessage());
        }
    }

    private void rollBack() throws ClusterBenchException {
        while (!changed.isEmpty()) {
            rollBackOne(changed.pop());
        }
    }

    private void rollBackOne(Changed action) throws ClusterBenchException {
        ActionPlan plan = action.plan();
        Instant started = steps.now();
        ChangeOutcome was = outcomes.get(action.spec().id());
        if (!plan.reversible()) {
            String why = "cannot be rolled back: " + (plan.note().isEmpty() ? "the action has no undo" : plan.note())
                    + "; by hand: " + action.action().byHand(action.context(), plan.before());
            steps.write(action.spec(), plan.target(), EvidenceStep.NOT_REVERSIBLE, plan.before(), plan.wanted(), Map.of(),
                    List.of(), started, why);
            outcomes.put(action.spec().id(), was.withMessage(was.message() + "; " + why));
            return;
        }
        steps.write(action.spec(), plan.target(), EvidenceStep.ROLLING_BACK, was.after(), plan.before(), Map.of(),
                List.of(), started, "restoring " + plan.before() + " because a later or this action failed");
        String byHand = "by hand: " + action.action().byHand(action.context(), plan.before());
        try {
            ActionState restored = action.action().rollback(action.context(), plan);
            EvidenceStep step = restored.verified() ? EvidenceStep.ROLLED_BACK : EvidenceStep.ROLLBACK_FAILED;
            String message = restored.verified() ? restored.message() : restored.message() + "; " + byHand;
            steps.write(action.spec(), plan.target(), step, was.after(), plan.before(), restored.values(),
                    List.of(), started, message);
            // The action that failed stays FAILED, so reports show which one broke the run; its verified stays
            // false, since the change it was asked for never read back as wanted (the rollback's read-back is in
            // the message and the evidence).
            ChangeStatus status = !restored.verified() ? ChangeStatus.ROLLBACK_FAILED
                    : was.status() == ChangeStatus.FAILED ? ChangeStatus.FAILED : ChangeStatus.ROLLED_BACK;
            outcomes.put(action.spec().id(), Outcomes.of(action.spec(), plan.target(), status, plan.before(),
                    plan.wanted(), restored.values(), status == ChangeStatus.ROLLED_BACK,
                    was.message() + "; rollback: " + message));
        } catch (ClusterBenchException e) {
            steps.write(action.spec(), plan.target(), EvidenceStep.ROLLBACK_FAILED, was.after(), plan.before(), Map.of(),
                    List.of(), started, e.getMessage() + "; " + byHand);
            outcomes.put(action.spec().id(), Outcomes.of(action.spec(), plan.target(),
                    ChangeStatus.ROLLBACK_FAILED, plan.before(), plan.wanted(), Map.of(), false,
                    was.message() + "; rollback failed: " + e.getMessage() + "; " + byHand));
        }
    }

    private boolean fail(ActionSpec spec, String target, Map<String, String> before, Map<String, String> wanted,
            Map<String, String> after, List<String> command, Instant started, String failure)
            throws ClusterBenchException {
        String message = spec.optional() ? failure + "; optional: this failure neither fails the tuning nor rolls"
                + " back the other actions" : failure;
        steps.write(spec, target, EvidenceStep.FAILED, before, wanted, after, command, started, message);
        outcomes.put(spec.id(), Outcomes.of(spec, target, ChangeStatus.FAILED, before, wanted, after, false, message));
        return false;
    }

    private void record(ActionSpec spec, ActionPlan plan, ChangeStatus status, Map<String, String> after,
            boolean verified, String message) {
        outcomes.put(spec.id(), Outcomes.of(spec, plan.target(), status, plan.before(), plan.wanted(), after,
                verified, message));
    }

    private record Changed(ActionSpec spec, TuningAction action, ActionContext context, ActionPlan plan) {
    }
}
