package io.clusterbench.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * Where relative objectives take their baseline from and when a change counts (spec key {@code baseline:}).
 *
 * @param from which earlier runs: the last passing ones, the previous one or a pinned one
 * @param runs how many passing runs {@link BaselineSource#LAST_PASSING} uses, at least 1
 * @param runId the pinned run for {@link BaselineSource#RUN}; empty otherwise
 * @param aggregate how several runs' values become one baseline value
 * @param alpha accepted for specs written before rounds and not used: every interval is a 95% rank interval
 * @param minEffectPct the smallest relative change, in percent, that counts whatever the noise floor
 * @param noHistory what a relative objective counts as without a baseline
 */
public record BaselineSettings(
        BaselineSource from,
        int runs,
        Optional<String> runId,
        BaselineAggregate aggregate,
        double alpha,
        double minEffectPct,
        NoHistoryPolicy noHistory) {

    /** The last 5 passing runs, median, alpha 0.01, at least a 5% change of the medians, inconclusive without. */
    public static final BaselineSettings DEFAULT = new BaselineSettings(BaselineSource.LAST_PASSING, 5,
            Optional.empty(), BaselineAggregate.MEDIAN, 0.01, 5.0, NoHistoryPolicy.INCONCLUSIVE);

    public BaselineSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(noHistory, "noHistory");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        if (from == BaselineSource.RUN && runId.isEmpty()) {
            throw new IllegalArgumentException("from: run needs a runId");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be above 0 and below 1, got " + alpha);
        }
        if (!(minEffectPct >= 0)) {
            throw new IllegalArgumentException("minEffectPct must be at least 0, got " + minEffectPct);
        }
    }

    /** The same settings with a pinned baseline run. */
    public static BaselineSettings pinned(String runId) {
        return new BaselineSettings(BaselineSource.RUN, DEFAULT.runs(), Optional.of(runId), DEFAULT.aggregate(),
                DEFAULT.alpha(), DEFAULT.minEffectPct(), DEFAULT.noHistory());
    }
}
