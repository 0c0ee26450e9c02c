package io.clusterbench.result;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the gate decided for a run, stored in result.json and shown alike by the console, the exit code or build
 * result, the reports and junit.xml.
 *
 * @param status PASS, UNSTABLE or FAIL
 * @param verdict the run's verdict, decided with the policy's thresholds
 * @param score the run's total, 0-100
 * @param exitCode what {@code clusterbench} exits with: 0 unless the gate fails, then 99 (fail), 98 (warning with
 *     fail-on-warning), 97 (inconclusive with fail-on-inconclusive) or 96 (the run could not be scored)
 * @param reason one sentence why, with the numbers
 * @param policy the policy the gate applied
 */
public record GateOutcome(GateStatus status, Verdict verdict, double score, int exitCode, String reason,
        GatePolicy policy) implements Serializable {

    /** The gate passed, or was only unstable. */
    public static final int EXIT_PASS = 0;
    /** The verdict is FAIL: a key objective failed or the score is below the lower threshold. */
    public static final int EXIT_FAIL = 99;
    /** The verdict is WARNING and the policy fails on warnings. */
    public static final int EXIT_WARNING = 98;
    /** The verdict is INCONCLUSIVE and the policy fails on inconclusive runs. */
    public static final int EXIT_INCONCLUSIVE = 97;
    /** The verdict is ERROR: the run could not be scored. */
    public static final int EXIT_ERROR = 96;

    public GateOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        policy = policy == null ? GatePolicy.DEFAULT : policy;
    }

    /** Whether the gate failed. */
    public boolean failed() {
        return status == GateStatus.FAIL;
    }

    /** The one line every front prints: {@code Gate: FAIL (exit 99): <reason>}. */
    public String line() {
        return "Gate: " + status + " (exit " + exitCode + "): " + reason;
    }
}
