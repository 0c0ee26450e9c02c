package io.clusterbench.score;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.RoundSpread;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The effect of a change on one metric from the metric's round values before (A) and after (B), and its verdict.
 *
 * <ul>
 *   <li>The change is the Hodges-Lehmann shift of B against A with its rank interval ({@link ShiftInterval}), in
 *       the metric's unit and, when every value is above 0, relative: the same shift on the logarithms, so that the
 *       percent interval is exact too.</li>
 *   <li>The noise floor is the smallest change these rounds could detect: (t(0.975) + t(0.80)) x the standard
 *       error of a difference, with the spread pooled from how the rounds of each condition vary around their own
 *       median (an A/A comparison inside each condition, measured robustly, df = n + m - 2). A change smaller than
 *       that would be found less than 80% of the time, so it is never reported. The floor is never below the
 *       half-width of the interval the run got: a change inside that width could not have been seen.</li>
 *   <li>Verdict: improved or worse when the interval excludes no change and the estimate reaches the larger of the
 *       floor and the minimum effect; otherwise no detectable change, unless the floor is above
 *       {@value #NOISE_LIMIT_PCT}% (too noisy to promise anything) or there are fewer rounds than an interval needs
 *       (inconclusive).</li>
 *   <li>Family: the k metrics compared for one probe come from the same rounds and move together when the machine
 *       shifts, so each gets 1 - 0.05 / k (Bonferroni): their intervals hold all together with at least 95%, and a
 *       change that did not happen reads improved or worse in at most 5% of runs for the whole probe, not 5% for each
 *       of its metrics. The floor uses the same level.</li>
 * </ul>
 */
final class RoundEffects {
    static final double LEVEL = 0.95;
    private static final double POWER = 0.80;
    /** Above this floor, "no detectable change" would promise nothing: the verdict is inconclusive instead. */
    static final double NOISE_LIMIT_PCT = 100;
    /** How the reason of a metric with fewer rounds than its interval needs begins. */
    static final String TOO_FEW_ROUNDS = "inconclusive: too few rounds";
    /** The median absolute deviation of normal data times this is its standard deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private RoundEffects() {
    }

    /**
     * @param a the metric's values in the rounds before tuning
     * @param b its values in the tuned rounds
     * @param minEffectPct the smallest relative change that counts at all (the spec's {@code baseline.minEffectPct})
     * @param family how many metrics of this metric's probe are compared in this run, this one included
     * @param conditionsDiffered why the two conditions are not alike (other load, a different workload), if so
     */
    static MetricEffect effect(String metric, String unit, boolean key, MetricDirection direction, double[] a,
            double[] b, double minEffectPct, int family, Optional<String> conditionsDiffered) {
        double alpha = (1 - LEVEL) / Math.max(1, family);
        RoundSpread before = a.length == 0 ? null : RoundSpread.of(a);
        RoundSpread after = b.length == 0 ? null : RoundSpread.of(b);
        if (conditionsDiffered.isPresent()) {
            return MetricEffect.without(metric, unit, key, before, after, EffectVerdict.INCONCLUSIVE,
                    "inconclusive: " + conditionsDiffered.get());
        }
        Optional<ShiftInterval> absolute = ShiftInterval.of(a, b, 1 - alpha);
        if (absolute.isEmpty()) {
            return MetricEffect.without(metric, unit, key, before, after, EffectVerdict.INCONCLUSIVE,
                    TOO_FEW_ROUNDS + " (" + a.length + " before, " + b.length + " after; a "
                            + Numbers.estimate(100 * (1 - alpha)) + "% interval" + familyWords(family)
                            + " needs at least " + ShiftInterval.fewestRounds(1 - alpha) + " of each)");
        }
        boolean positive = Arrays.stream(a).allMatch(v -> v > 0) && Arrays.stream(b).allMatch(v -> v > 0);
        ShiftInterval abs = absolute.get();
        if (positive) {
            ShiftInterval rel = ShiftInterval.of(log(a), log(b), 1 - alpha).orElseThrow();
            // Never less than the half-width of the interval this run got: one odd round barely moves the robust
            // spread, but it widens the rank interval, and a change inside that width could not have been seen.
            double floorPct = percent(Math.max(floor(log(a), log(b), alpha), (rel.high() - rel.low()) / 2));
            double threshold = Math.max(minEffectPct, floorPct);
            double detectable = before.median() * threshold / 100;
            double pct = percent(rel.shift());
            boolean beyond = rel.excludesZero() && Math.abs(pct) >= threshold;
            String tooNoisy = floorPct > NOISE_LIMIT_PCT ? remedy(floorPct, Math.min(a.length, b.length)) : null;
            return judged(metric, unit, key, direction, before, after, abs, rel, threshold, detectable, beyond,
                    tooNoisy, family);
        }
        // Values of 0 (error counts, an idle gauge): no logarithm, so the floor and the test are in the unit.
        double floor = Math.max(floor(a, b, alpha), (abs.high() - abs.low()) / 2);
        double minAbsolute = Math.abs(before.median()) * minEffectPct / 100;
        double threshold = Math.max(floor, minAbsolute);
        boolean beyond = abs.excludesZero() && Math.abs(abs.shift()) >= threshold;
        return judged(metric, unit, key, direction, before, after, abs, null, null, threshold, beyond, null,
                family);
    }

    /** How a level above 95% comes about, for the reasons: empty for a probe's only compared metric. */
    private static String familyWords(int family) {
        return family <= 1 ? "" : " (95% for the " + family + " compared metrics of its probe together)";
    }

    /**
     * What would bring a floor of {@code floorPct} under {@value #NOISE_LIMIT_PCT}%: the floor of a shift of logarithms
     * shrinks about as the square root of the rounds per condition, so the rounds needed grow with the square of how
     * far the floor is above the limit. Longer rounds help too where the noise comes and goes within seconds.
     */
    static String remedy(double floorPct, int perCondition) {
        return "about " + roundsNeeded(floorPct, perCondition) + " rounds per condition (the spec's probe parameter"
                + " rounds:), or longer rounds, would bring it under " + Numbers.estimate(NOISE_LIMIT_PCT) + "%";
    }

    /** About how many rounds per condition bring a floor of {@code floorPct} under the limit ({@link #remedy}). */
    static int roundsNeeded(double floorPct, int perCondition) {
        double ratio = Math.log1p(floorPct / 100) / Math.log1p(NOISE_LIMIT_PCT / 100);
        return (int) Math.ceil(perCondition * ratio * ratio);
    }

    private static MetricEffect judged(String metric, String unit, boolean key, MetricDirection direction,
            RoundSpread before, RoundSpread after, ShiftInterval abs, ShiftInterval rel, Double detectablePct,
            double detectable, boolean beyond, String tooNoisy, int family) {
        Double pct = rel == null ? null : percent(rel.shift());
        Double pctLow = rel == null ? null : percent(rel.low());
        Double pctHigh = rel == null ? null : percent(rel.high());
        String change = Numbers.signedEstimate(abs.shift(), unit) + " " + Numbers.interval(abs.low(), abs.high(),
                unit) + (rel == null ? "" : " (" + Numbers.signedEstimate(pct, "%") + " "
                + Numbers.interval(pctLow, pctHigh, "%") + ")");
        String floor = detectablePct == null ? Numbers.estimate(detectable) + (unit.equals("count") ? "" : " " + unit)
                : Numbers.estimate(detectablePct) + "%";
        String design = " (" + before.rounds() + " rounds against " + after.rounds() + ", "
                + Numbers.estimate(abs.confidence() * 100) + "% interval" + familyWords(family) + ")";
        EffectVerdict verdict;
        String reason;
        if (beyond && direction != MetricDirection.UNKNOWN) {
            verdict = direction.worse(0, abs.shift()) ? EffectVerdict.WORSE : EffectVerdict.IMPROVED;
            reason = verdict.words() + ": " + change + ", beyond the smallest detectable change of " + floor + design;
        } else if (beyond) {
            verdict = EffectVerdict.INCONCLUSIVE;
            reason = "inconclusive: changed " + change + ", but which way is better is not known for this metric;"
                    + " give it an objective" + design;
        } else if (tooNoisy != null) {
            verdict = EffectVerdict.INCONCLUSIVE;
            reason = "inconclusive: too noisy; its rounds varied so much that only a change beyond " + floor
                    + " could have been detected; change " + change + design + "; " + tooNoisy;
        } else {
            verdict = EffectVerdict.NO_DETECTABLE_CHANGE;
            reason = "no detectable change: " + change + "; this run could have detected a change of " + floor
                    + " or more" + design;
        }
        return new MetricEffect(metric, unit, key, before, after, abs.shift(), abs.low(), abs.high(), pct, pctLow,
                pctHigh, detectablePct, detectable, abs.confidence(), verdict, reason);
    }

    /**
     * The smallest shift these samples could detect at {@code alpha} two-sided with 80% power: (t(1 - alpha / 2) +
     * t(0.80)) x the
     * standard error of a difference, with the spread of the rounds estimated robustly, 1.4826 x the median absolute
     * deviation of every round from its own condition's median (so that one odd round, a GC pause or a stray cron
     * job, widens the floor no more than any other round); 0 when the rounds agree exactly.
     */
    static double floor(double[] a, double[] b, double alpha) {
        int df = a.length + b.length - 2;
        if (df < 1) {
            return Double.NaN;
        }
        double[] deviations = new double[a.length + b.length];
        double medianA = median(a);
        double medianB = median(b);
        for (int i = 0; i < a.length; i++) {
            deviations[i] = Math.abs(a[i] - medianA);
        }
        for (int i = 0; i < b.length; i++) {
            deviations[a.length + i] = Math.abs(b[i] - medianB);
        }
        double sigma = MAD_TO_SIGMA * median(deviations);
        double se = sigma * Math.sqrt(1.0 / a.length + 1.0 / b.length);
        TDistribution t = new TDistribution(df);
        return (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(POWER)) * se;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] log(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    /** A shift of logarithms as a relative change in percent. */
    private static double percent(double logShift) {
        return Math.expm1(logShift) * 100;
    }
}
