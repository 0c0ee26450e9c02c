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

    /**
     * The rounds a {@code benchmark} measures for {@code probe}: its own {@code rounds} when given; else
     * {@link #RUN_ROUNDS} for a load probe that a relative objective judges (a relative criterion tests rounds
     * against the baseline's rounds, so one round would leave it judged on the bound alone); else 1.
     */
    public static int benchmarkRounds(ClusterSpec spec, ProbeSpec probe) {
        if (probe.parameters().has(ROUNDS.name())) {
            return ROUNDS.in(probe.parameters()).intValue();
        }
        boolean judgedRelatively = spec.objectives().stream().anyMatch(o -> o.metric().startsWith(probe.id() + ".")
                && o.pass().isRelative());
        return isLoad(probe.kind()) && judgedRelatively ? RUN_ROUNDS : 1;
    }

    /**
     * Whether the kind generates load and so measures in rounds. A switch, not a set of kinds in a field: the
     * descriptors' own fields read {@link #ROUNDS} while {@link ProbeKind} is being built.
     */
    static boolean isLoad(ProbeKind kind) {
        return switch (kind) {
            case REDIS, HTTP, OPENAI, CHROMA -> true;
            case PROMQL, HOST, GPU -> false;
        };
    }
}
