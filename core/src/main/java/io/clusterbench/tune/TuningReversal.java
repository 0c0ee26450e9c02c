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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls back, later and on purpose, the actions an earlier apply left APPLIED: used by {@code clusterbench run}
 * when the benchmark after tuning shows a significant regression and the spec says {@code rollbackIfWorse: true}.
 * Each action re-reads its state, restores what the apply found before, and reads back, with evidence.
 */
final class TuningReversal {
    private final ActionRegistry registry;
    private final ClusterSpec cluster;
    private final SecretResolver secrets;
    private final SshHosts ssh;
    private final Clock clock;
    private final TuningSteps steps;

    TuningReversal(ActionRegistry registry, ClusterSpec cluster, SecretResolver secrets, SshHosts ssh, Clock clock,
            TuningSteps steps) {
        this.registry = registry;
        this.cluster = cluster;
        this.secrets = secrets;
        this.ssh = ssh;
        this.clock = clock;
        this.steps = steps;
    }

    List<ChangeOutcome> reverse(List<ChangeOutcome> applied, String reason) throws ClusterBenchException {
        Map<String, ChangeOutcome> outcomes = new LinkedHashMap<>();
        applied.forEach(outcome -> outcomes.put(outcome.action(), outcome));
        List<ChangeOutcome> newestFirst = new ArrayList<>(applied);
        Collections.reverse(newestFirst);
        for (ChangeOutcome outcome : newestFirst) {
            if (outcome.status() != ChangeStatus.APPLIED) {
                continue;
            }
            ActionSpec spec = cluster.tuning().stream().filter(a -> a.id().equals(outcome.action())).findFirst()
                    .orElseThrow();
            outcomes.put(outcome.action(), reverseOne(spec, outcome, reason));
        }
        return List.copyOf(outcomes.values());
    }

    private ChangeOutcome reverseOne(ActionSpec spec, ChangeOutcome outcome, String reason)
            throws ClusterBenchException {
        Instant started = steps.now();
        TuningAction action = registry.action(spec.kind()).orElseThrow();
        ActionContext context = new ActionContext(cluster, spec, secrets, ssh, clock);
        try {
            ActionPlan now = action.plan(context);
            if (!now.reversible()) {
                String why = "cannot be rolled back: " + (now.note().isEmpty() ? "the action has no undo" : now.note())
                        + "; by hand: " + action.byHand(context, outcome.before());
                steps.write(spec, now.target(), EvidenceStep.NOT_REVERSIBLE, outcome.before(), outcome.wanted(), now.before(),
                        List.of(), started, why);
                return outcome.withMessage(outcome.message() + "; " + why);
            }
            ActionPlan restore = new ActionPlan(now.target(), outcome.before(), outcome.wanted(), now.command(),
                    ActionPlan.Change.CHANGE, true, now.note());
            steps.write(spec, now.target(), EvidenceStep.ROLLING_BACK, now.before(), outcome.before(), Map.of(), List.of(),
                    started, "restoring " + outcome.before() + ": " + reason);
            ActionState restored = action.rollback(context, restore);
            String message = restored.verified() ? restored.message()
                    : restored.message() + "; by hand: " + action.byHand(context, outcome.before());
            steps.write(spec, now.target(), restored.verified() ? EvidenceStep.ROLLED_BACK : EvidenceStep.ROLLBACK_FAILED, now.before(),
                    outcome.before(), restored.values(), List.of(), started, message);
            return Outcomes.of(spec, now.target(),
                    restored.verified() ? ChangeStatus.ROLLED_BACK : ChangeStatus.ROLLBACK_FAILED, outcome.before(),
                    outcome.wanted(), restored.values(), restored.verified(),
                    outcome.message() + "; rolled back: " + reason + "; " + message);
        } catch (ClusterBenchException e) {
            String byHand = "by hand: " + action.byHand(context, outcome.before());
            steps.write(spec, outcome.target(), EvidenceStep.ROLLBACK_FAILED, outcome.after(), outcome.before(), Map.of(),
                    List.of(), started, e.getMessage() + "; " + byHand);
            return Outcomes.of(spec, outcome.target(), ChangeStatus.ROLLBACK_FAILED, outcome.before(),
                    outcome.wanted(), Map.of(), false, outcome.message() + "; rollback failed: " + e.getMessage()
                            + "; " + byHand);
        }
    }
}
