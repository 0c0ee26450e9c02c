package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ChangeOutcome;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tuning change as the build page shows it: which action, on what, how it ended, and the before/after values
 * that are its evidence (the full step-by-step evidence stays in the archived evidence.jsonl). A plain class for
 * XStream, like {@link ObjectiveLine}.
 */
public final class ChangeLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String action;
    private final String target;
    private final String status;
    private final boolean verified;
    private final String evidence;
    private final String message;

    ChangeLine(String action, String target, String status, boolean verified, String evidence, String message) {
        this.action = action;
        this.target = target;
        this.status = status;
        this.verified = verified;
        this.evidence = evidence;
        this.message = message;
    }

    /** Copies one change, folding its before/after maps into one short line such as {@code maxmemory: 0 -> 1gb}. */
    static ChangeLine of(ChangeOutcome change) {
        return new ChangeLine(change.action(), change.target(), status(change.status().name(), change.optional()),
                change.verified(),
                beforeAfter(change.before(), change.after()), change.message());
    }

    /** {@code FAILED (optional)}: the page says that an optional action's failure failed nothing. */
    static String status(String status, boolean optional) {
        return optional ? status + " (optional)" : status;
    }

    static String beforeAfter(Map<String, String> before, Map<String, String> after) {
        Map<String, String> was = before == null ? Map.of() : before;
        Map<String, String> is = after == null ? Map.of() : after;
        TreeMap<String, String> keys = new TreeMap<>(was);
        is.keySet().forEach(key -> keys.putIfAbsent(key, null));
        StringBuilder line = new StringBuilder();
        for (String key : keys.keySet()) {
            if (!line.isEmpty()) {
                line.append("; ");
            }
            line.append(key).append(": ").append(was.getOrDefault(key, "?")).append(" -> ")
                    .append(is.getOrDefault(key, "?"));
        }
        return line.toString();
    }

    /** The tuning action's id from the spec. */
    public String getAction() {
        return action;
    }

    /** What it changed, such as a host or service name. */
    public String getTarget() {
        return target;
    }

    /** How it ended, such as APPLIED or ROLLED_BACK. */
    public String getStatus() {
        return status;
    }

    /** Whether the new value was read back and matched. */
    public boolean isVerified() {
        return verified;
    }

    /** Before and after values, {@code key: before -> after; ...}. */
    public String getEvidence() {
        return evidence;
    }

    /** Core's message for the change, or null. */
    public String getMessage() {
        return message;
    }
}
