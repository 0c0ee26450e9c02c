package io.clusterbench.spec;

/** Which earlier runs a baseline is taken from (spec key {@code baseline.from}). */
public enum BaselineSource {
    /** The last {@code runs} runs whose verdict was PASS (the default). */
    LAST_PASSING("last-passing"),
    /** The last run, whatever its verdict. */
    PREVIOUS("previous"),
    /** One pinned run, named by {@code runId}. */
    RUN("run");

    private final String word;

    BaselineSource(String word) {
        this.word = word;
    }

    /** The word as written in a spec. */
    public String word() {
        return word;
    }
}
