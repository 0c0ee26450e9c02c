package io.clusterbench.result;

/** How one tuning action ended. */
public enum ChangeStatus {
    /** Only planned (dry run): nothing was changed. */
    PLANNED,
    /** Already at the wanted state: nothing was sent. */
    UNCHANGED,
    /** Changed, read back and verified. */
    APPLIED,
    /** The change failed or its read-back differed; see the message. */
    FAILED,
    /** Applied, then restored to its before state (read back) because a later action failed. */
    ROLLED_BACK,
    /** The restore itself failed: the target may be left changed; the message says what to do. */
    ROLLBACK_FAILED,
    /** A check that changes nothing by design (vllm-gpu-memory); the message says whether it matched. */
    CHECKED,
    /** Not started because an earlier action failed or the run was stopped. */
    NOT_STARTED;

    /** Whether the action failed, was undone or never ran: its change is not (or not surely) in place. */
    public boolean failedOrUndone() {
        return this == FAILED || this == ROLLED_BACK || this == ROLLBACK_FAILED || this == NOT_STARTED;
    }
}
