package io.clusterbench.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one tuning action ended, for reports: what it found, what it wanted, what it left.
 *
 * @param action the action id from the spec
 * @param kind the action kind
 * @param target what the action changes, without credentials
 * @param status how it ended
 * @param before the state read before any change
 * @param wanted the state the spec asks for
 * @param after the state read back at the end (after a rollback: the restored state)
 * @param verified whether the final state was read back and matched what was expected
 * @param message one sentence on the outcome, with the numbers
 * @param optional whether the spec marks the action {@code optional: true}: its failure neither fails the tuning
 *     nor rolls back the others
 * @param knownToFail why planning found, before anything changed, that this action would fail; empty when it did
 *     not (the preflight then refused the tuning, or skipped the action when it is optional)
 */
public record ChangeOutcome(
        String action,
        String kind,
        String target,
        ChangeStatus status,
        Map<String, String> before,
        Map<String, String> wanted,
        Map<String, String> after,
        boolean verified,
        String message,
        boolean optional,
        String knownToFail) {

    public ChangeOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        before = OrderedMaps.copyOf(before);
        wanted = OrderedMaps.copyOf(wanted);
        after = OrderedMaps.copyOf(after);
        Objects.requireNonNull(message, "message");
        // Absent in files written before the preflight existed.
        knownToFail = knownToFail == null ? "" : knownToFail;
    }

    /** A required action's outcome with nothing known against it beforehand. */
    public ChangeOutcome(String action, String kind, String target, ChangeStatus status, Map<String, String> before,
            Map<String, String> wanted, Map<String, String> after, boolean verified, String message) {
        this(action, kind, target, status, before, wanted, after, verified, message, false, "");
    }

    /**
     * Whether this outcome fails the tuning: a required action that failed, was rolled back or never ran, or any
     * action whose rollback failed (the target may be left changed). An optional action's own failure is recorded
     * and fails nothing.
     */
    public boolean failsTheTuning() {
        return status == ChangeStatus.ROLLBACK_FAILED || status.failedOrUndone() && !optional;
    }

    /** Whether this is a required action that the preflight knew would fail, so that nothing was applied. */
    public boolean refusedByPreflight() {
        return !optional && !knownToFail.isEmpty();
    }

    /** Whether the preflight refused these outcomes' tuning: a required action was known to fail, nothing applied. */
    public static boolean refusedByPreflight(List<ChangeOutcome> outcomes) {
        return outcomes.stream().anyMatch(ChangeOutcome::refusedByPreflight);
    }

    /** Whether any of these outcomes fails the tuning; see {@link #failsTheTuning()}. */
    public static boolean tuningFailed(List<ChangeOutcome> outcomes) {
        return outcomes.stream().anyMatch(ChangeOutcome::failsTheTuning);
    }

    /** The required actions known to fail, one {@code 'id': why} each, for messages. */
    public static List<String> knownFailures(List<ChangeOutcome> outcomes) {
        return outcomes.stream().filter(ChangeOutcome::refusedByPreflight)
                .map(c -> "'" + c.action() + "': " + c.knownToFail()).toList();
    }

    /** This outcome with another message. */
    public ChangeOutcome withMessage(String newMessage) {
        return new ChangeOutcome(action, kind, target, status, before, wanted, after, verified, newMessage, optional,
                knownToFail);
    }
}
