package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * What one evidence line records, written to {@code evidence.jsonl} and {@code result.json} as its lowercase word;
 * docs/tuning.md says when each is written and docs/result.schema.json lists the words.
 */
public enum EvidenceStep {
    /** Listed by the schema; a dry run writes no evidence, so this version never writes it. */
    PLANNED,
    /** Already at the wanted state: nothing was sent. */
    UNCHANGED,
    /** Written before the change is made, so a run killed mid-change leaves the truth. */
    APPLYING,
    /** Changed, read back and verified. */
    APPLIED,
    /** The change failed or its read-back differed. */
    FAILED,
    /** A restore to the before state is about to be made. */
    ROLLING_BACK,
    /** Restored and read back. */
    ROLLED_BACK,
    /** The restore failed: the target may be left changed. */
    ROLLBACK_FAILED,
    /** The action has no undo, so a rollback leaves it as it is. */
    NOT_REVERSIBLE,
    /** A check that changes nothing by design (vllm-gpu-memory). */
    CHECKED,
    /** Not started because an earlier action failed or the run was stopped. */
    NOT_STARTED;

    /** The word written in {@code evidence.jsonl}: the name in lowercase, {@code _} as {@code -}. */
    @JsonValue
    public String word() {
        return Words.of(this);
    }

    /** Every word, in declaration order. */
    public static List<String> words() {
        return Words.all(EvidenceStep.class);
    }

    @JsonCreator
    static EvidenceStep read(String word) {
        return Words.parse(EvidenceStep.class, word);
    }

    /** The word, so that messages and consoles print what {@code evidence.jsonl} holds. */
    @Override
    public String toString() {
        return word();
    }
}
