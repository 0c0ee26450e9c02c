package io.clusterbench.tune;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.spec.ActionSpec;
import java.util.Map;

/** Builds change outcomes and the sentences that explain plans. */
final class Outcomes {

    private Outcomes() {
    }

    static ChangeOutcome of(ActionSpec spec, String target, ChangeStatus status, Map<String, String> before,
            Map<String, String> wanted, Map<String, String> after, boolean verified, String message) {
        return of(spec, target, status, before, wanted, after, verified, message, "");
    }

    /** An outcome of an action that planning found would fail, for {@code knownToFail}. */
    static ChangeOutcome of(ActionSpec spec, String target, ChangeStatus status, Map<String, String> before,
            Map<String, String> wanted, Map<String, String> after, boolean verified, String message,
            String knownToFail) {
        return new ChangeOutcome(spec.id(), spec.kind().word(), target, status, before, wanted, after, verified,
                message, spec.optional(), knownToFail);
    }

    /** The message of the line written just before a change is made. */
    static String applyingMessage(ActionPlan plan) {
        return (plan.command().isEmpty() ? "changing " + plan.before() + " -> " + plan.wanted()
                : "running " + plan.command()) + (plan.note().isEmpty() ? "" : "; " + plan.note());
    }

    static String planMessage(ActionPlan plan) {
        if (plan.fails()) {
            return "known to fail: " + plan.knownToFail() + (plan.note().isEmpty() ? "" : "; " + plan.note());
        }
        return switch (plan.change()) {
            case UNCHANGED -> "already at the wanted value: " + plan.before() + "; nothing to send";
            case CHECK_ONLY -> plan.note();
            case CHANGE -> (plan.command().isEmpty() ? "would change " + plan.before() + " -> " + plan.wanted()
                    : "would run " + plan.command()) + (plan.note().isEmpty() ? "" : "; " + plan.note());
        };
    }
}
