package io.clusterbench.score;

import io.clusterbench.result.Numbers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A run's rounds against the rounds of its baseline runs, for relative objectives: the relative shift with its 95%
 * rank interval ({@link ShiftInterval} on logarithms), and the bound a change must pass to count, max(minimum
 * effect, {@value #SPREADS} x the run-to-run spread of the baseline runs' values).
 *
 * @param changePct the estimated change of the run's rounds against the baseline's rounds, in percent
 * @param lowPct the low end of its interval
 * @param highPct the high end
 * @param boundPct how far a change must go to count, in percent
 * @param spreadPct the run-to-run spread in history (coefficient of variation of the baseline runs' values), in
 *     percent; null with fewer than 2 baseline runs
 * @param baselineRounds how many rounds the baseline runs held
 * @param rounds how many rounds the run held
 */
record HistoryShift(double changePct, double lowPct, double highPct, double boundPct, Double spreadPct,
        int baselineRounds, int rounds) {

    /** The statistic's name in results. */
    static final String STATISTIC = "hodges-lehmann-rounds";

    /** How many run-to-run spreads a change must pass: run-to-run drift is real and not the run's fault. */
    static final double SPREADS = 2;

    /**
     * @param baselineRounds the metric in every round of the baseline runs
     * @param rounds the metric in every round of the run
     * @param baselineValues the metric's value in each baseline run
     * @return empty without the rounds for an interval (at least 4 on each side) or with values of 0 or below
     */
    static Optional<HistoryShift> of(double[] baselineRounds, double[] rounds, List<Double> baselineValues,
            double minEffectPct) {
        boolean positive = Arrays.stream(baselineRounds).allMatch(v -> v > 0)
                && Arrays.stream(rounds).allMatch(v -> v > 0);
        if (!positive) {
            return Optional.empty();
        }
        Optional<ShiftInterval> shift = ShiftInterval.of(log(baselineRounds), log(rounds), RoundEffects.LEVEL);
        if (shift.isEmpty()) {
            return Optional.empty();
        }
        Double spread = spreadPct(baselineValues);
        double bound = Math.max(minEffectPct, spread == null ? 0 : SPREADS * spread);
        ShiftInterval s = shift.get();
        return Optional.of(new HistoryShift(Math.expm1(s.shift()) * 100, Math.expm1(s.low()) * 100,
                Math.expm1(s.high()) * 100, bound, spread, baselineRounds.length, rounds.length));
    }

    /** Whether the run moved beyond the bound {@code up} (or down), its whole interval on that side of no change. */
    boolean shifted(boolean up) {
        return up ? lowPct > 0 && changePct >= boundPct : highPct < 0 && -changePct >= boundPct;
    }

    /** "rounds +12.3% [+8.1%, +16.2%] against 15 baseline rounds; a change counts beyond 5% (...)". */
    String describe() {
        return "rounds " + Numbers.signedEstimate(changePct, "%") + " " + Numbers.interval(lowPct, highPct, "%")
                + " against " + baselineRounds + " baseline rounds; a change counts beyond "
                + Numbers.estimate(boundPct) + "% (the larger of the minimum effect and " + Numbers.format(SPREADS)
                + " x the run-to-run spread in history, " + (spreadPct == null ? "unknown with one baseline run"
                : Numbers.estimate(spreadPct) + "%") + ")";
    }

    private static Double spreadPct(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean <= 0) {
            return null;
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (values.size() - 1)) / mean * 100;
    }

    private static double[] log(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }
}
