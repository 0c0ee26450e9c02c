package io.clusterbench.spec;

import java.util.List;
import java.util.Locale;

/** What a run does when the quiet-cluster check finds other load on a target (spec key {@code settings.quietCheck}). */
public enum QuietCheckPolicy {
    /** The affected comparison is inconclusive, with the disturbance as its reason (the default). */
    INCONCLUSIVE,
    /** The disturbance is kept in the result, and the comparison is still judged. */
    RECORD,
    /** No check is made. */
    OFF;

    /** The word the spec writes: {@code inconclusive}, {@code record} or {@code off}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every word, in the order of the constants. */
    public static List<String> words() {
        return List.of(values()).stream().map(QuietCheckPolicy::word).toList();
    }

    /** The policy a word names; the binder checks the word against {@link #words()} first. */
    static QuietCheckPolicy fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
