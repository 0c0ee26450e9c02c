package io.clusterbench.spec;

/** Parameters that every load probe (redis, http, openai, chroma) takes alike. */
public final class LoadParameters {

    /**
     * How many times the probe repeats its whole load (warm-up included, each on fresh connections) in a
     * {@code benchmark}; the rounds are the unit of statistical evidence. {@code run} measures at least
     * {@link #RUN_ROUNDS} per condition.
     */
    public static final Parameter<Long> ROUNDS = Parameter.whole("rounds", 1, 100).byDefault(1L).unit("rounds");

    /**
     * The rounds per condition of {@code run} unless a probe asks for more: with 5 against 5 the rank-based 95%
     * interval exists (4 is the least) and one odd round cannot decide a verdict.
     */
    public static final int RUN_ROUNDS = 5;

    private LoadParameters() {
    }
}
