package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a tuning run on the agent sends back to the controller: one line per action, and why the run failed if it did.
 *
 * <p>Collections are plain {@link ArrayList} and {@link TreeMap}, as in {@link BenchmarkOutcome}, for the remoting
 * class filter.
 *
 * @param runId the tuning run's id from result.json
 * @param planOnly whether this was a dry run that changed nothing
 * @param changes every action's outcome, in spec order
 * @param resultPath result.json relative to the workspace, with {@code /} separators
 * @param verification what {@code verify: true} found, or null when the tuning was not verified
 */
public record TuningOutcome(String runId, boolean planOnly, List<Change> changes, String resultPath,
        Verification verification) implements Serializable {

    /** Statuses that mean an action did not end where the spec wanted, so the step must fail. */
    private static final List<ChangeStatus> FAILING =
            List.of(ChangeStatus.FAILED, ChangeStatus.ROLLBACK_FAILED, ChangeStatus.ROLLED_BACK);

    /** What a recovery ends with when it did its job. */
    private static final List<ChangeStatus> RESTORED = List.of(ChangeStatus.ROLLED_BACK, ChangeStatus.UNCHANGED);

    public TuningOutcome {
        changes = new ArrayList<>(changes);
    }

    /** Summarises core's change outcomes; {@code before}/{@code after} keep only what core read, never secrets. */
    public static TuningOutcome of(String runId, boolean planOnly, List<ChangeOutcome> outcomes, String resultPath) {
        List<Change> changes = new ArrayList<>();
        for (ChangeOutcome outcome : outcomes) {
            changes.add(new Change(outcome.action(), outcome.target(), outcome.status().name(), outcome.before(),
                    planOnly ? outcome.wanted() : outcome.after(), outcome.verified(), outcome.message(),
                    outcome.optional(), outcome.knownToFail()));
        }
        return new TuningOutcome(runId, planOnly, changes, resultPath, null);
    }

    /** This outcome with what the verification found. */
    public TuningOutcome verifiedBy(Verification found) {
        return new TuningOutcome(runId, planOnly, changes, resultPath, found);
    }

    /**
     * Whether any required action failed, was rolled back because another failed, or any could not be rolled back,
     * or the preflight found a required action known to fail (a plan or an apply that then changed nothing). A
     * rollback that {@code rollbackIfWorse} made after a verification is what the spec asked for, not a failure; an
     * optional action's own failure fails nothing (core's rule, {@link ChangeOutcome#failsTheTuning()}).
     */
    public boolean failed() {
        return changes.stream().anyMatch(this::failing);
    }

    /** Whether the preflight refused the tuning: a required action known to fail, so nothing was applied. */
    public boolean refusedByPreflight() {
        return changes.stream().anyMatch(Change::refusedByPreflight);
    }

    private boolean failing(Change change) {
        if (change.refusedByPreflight()) {
            return true;
        }
        ChangeStatus status = ChangeStatus.valueOf(change.status());
        if (status == ChangeStatus.ROLLED_BACK && verification != null && verification.rolledBack()) {
            return false;
        }
        return FAILING.contains(status) && (status == ChangeStatus.ROLLBACK_FAILED || !change.optional());
    }

    /**
     * The message the step fails with: every action that did not end as wanted, with core's sentence on it; empty
     * when nothing failed.
     */
    public String failureMessage() {
        StringBuilder message = new StringBuilder();
        boolean refused = refusedByPreflight();
        for (Change change : changes) {
            if (refused ? change.refusedByPreflight() : failing(change)) {
                message.append(message.isEmpty() ? refused ? "Tuning refused by its preflight, nothing "
                        + (planOnly ? "would be" : "was") + " applied: " : "Tuning failed: " : "; ")
                        .append(change.action()).append(refused ? " is known to fail: " + change.knownToFail()
                                : " " + change.status() + ": " + change.message());
            }
        }
        return message.toString();
    }

    /**
     * For a recovery ({@code rollbackFrom}): whether a change is left as it was, because its restore failed, it cannot
     * be undone, or the recovery was stopped; restored ({@code ROLLED_BACK}) and already restored ({@code UNCHANGED})
     * are what a recovery is for.
     */
    public boolean notRestored() {
        return changes.stream().anyMatch(c -> !RESTORED.contains(ChangeStatus.valueOf(c.status())));
    }

    /** The message a recovery fails with: every change left as it was, with core's sentence (what to do by hand). */
    public String notRestoredMessage() {
        StringBuilder message = new StringBuilder();
        for (Change change : changes) {
            if (!RESTORED.contains(ChangeStatus.valueOf(change.status()))) {
                message.append(message.isEmpty() ? "Not restored: " : "; ")
                        .append(change.action()).append(' ').append(change.status()).append(": ")
                        .append(change.message());
            }
        }
        return message.toString();
    }

    /** The changes as the build page lists them, with before and after folded into one line each. */
    public List<ChangeLine> pageLines() {
        List<ChangeLine> lines = new ArrayList<>();
        for (Change change : changes) {
            lines.add(new ChangeLine(change.action(), change.target(), ChangeLine.status(change.status(),
                    change.optional()), change.verified(),
                    ChangeLine.beforeAfter(change.before(), change.after()), change.message()));
        }
        return lines;
    }

    /**
     * The value {@code applyTuning} returns to a Pipeline script: action id to a map with {@code status},
     * {@code target}, {@code before}, {@code after} (the wanted state for a plan), {@code verified}, {@code message},
     * {@code optional} and {@code knownToFail} (empty unless planning found the action would fail);
     * with {@code verify: true}, a map with {@code runId}, the keys of {@link Verification#toStepResult()} and that
     * action map under {@code changes} (under a key of its own, so that no action id can clash with a fixed key).
     */
    public Map<String, Object> toStepResult() {
        if (verification == null) {
            return actionMap();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", runId);
        map.putAll(verification.toStepResult());
        map.put("changes", actionMap());
        return map;
    }

    private Map<String, Object> actionMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", change.target());
            entry.put("status", change.status());
            entry.put("before", new LinkedHashMap<>(change.before()));
            entry.put("after", new LinkedHashMap<>(change.after()));
            entry.put("verified", change.verified());
            entry.put("message", change.message());
            entry.put("optional", change.optional());
            entry.put("knownToFail", change.knownToFail());
            map.put(change.action(), entry);
        }
        return map;
    }

    /**
     * One action's outcome.
     *
     * @param action the action id from the spec
     * @param target what it changes, such as {@code cache:6379} or a host
     * @param status the {@link ChangeStatus} name
     * @param before the state read before any change
     * @param after the state read back at the end, or for a plan the state the spec wants
     * @param verified whether the final state was read back and matched
     * @param message core's sentence on the outcome
     * @param optional whether the spec marks the action optional: its own failure fails nothing
     * @param knownToFail why planning found the action would fail; empty when it did not
     */
    public record Change(String action, String target, String status, Map<String, String> before, Map<String, String> after,
            boolean verified, String message, boolean optional, String knownToFail) implements Serializable {
        public Change {
            before = new TreeMap<>(before);
            after = new TreeMap<>(after);
            knownToFail = knownToFail == null ? "" : knownToFail;
        }

        /** A required action's outcome with nothing known against it. */
        public Change(String action, String target, String status, Map<String, String> before,
                Map<String, String> after, boolean verified, String message) {
            this(action, target, status, before, after, verified, message, false, "");
        }

        /** Whether this is a required action the preflight knew would fail. */
        boolean refusedByPreflight() {
            return !optional && !knownToFail.isEmpty();
        }
    }
}
