package io.clusterbench.result;

import java.util.Objects;

/**
 * The effect of the tuning on one key metric, measured over rounds: after against before, with its 95% interval
 * and one verdict. Intervals are Hodges-Lehmann shifts over round values (see docs/scoring.md); a null number was
 * not computed, and the reason says why.
 *
 * @param metric the metric, {@code probe.metric}
 * @param unit its unit
 * @param key whether an objective marked key watches it
 * @param before the rounds of the condition before tuning (A), or null when it has none
 * @param after the rounds of the tuned condition (B), or null when it has none
 * @param change after - before, in the metric's unit
 * @param changeLow the low end of its 95% interval
 * @param changeHigh the high end
 * @param changePct the change relative to before, in percent; null when a value is 0 or below
 * @param changePctLow the low end of its 95% interval
 * @param changePctHigh the high end
 * @param detectablePct the smallest relative change this run could have reported (the noise floor or the minimum
 *     effect, whichever is larger), in percent; null where relative changes are not computed
 * @param detectable the same in the metric's unit
 * @param confidence the exact confidence of the rank interval (at least 0.95; 0.968 for 5 rounds against 5)
 * @param verdict the verdict
 * @param reason one sentence with the numbers behind the verdict
 */
public record MetricEffect(
        String metric,
        String unit,
        boolean key,
        RoundSpread before,
        RoundSpread after,
        Double change,
        Double changeLow,
        Double changeHigh,
        Double changePct,
        Double changePctLow,
        Double changePctHigh,
        Double detectablePct,
        Double detectable,
        Double confidence,
        EffectVerdict verdict,
        String reason) {

    public MetricEffect {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** An effect not estimated, with its verdict and why. */
    public static MetricEffect without(String metric, String unit, boolean key, RoundSpread before,
            RoundSpread after, EffectVerdict verdict, String reason) {
        return new MetricEffect(metric, unit, key, before, after, null, null, null, null, null, null, null, null,
                null, verdict, reason);
    }

    /** Whether the verdict is {@link EffectVerdict#WORSE}. */
    public boolean worse() {
        return verdict == EffectVerdict.WORSE;
    }
}
