package io.clusterbench.score;

import io.clusterbench.result.Numbers;
import org.HdrHistogram.AbstractHistogram;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two latency distributions compared on their raw samples: the two-sided Mann-Whitney U p-value and how far the
 * medians moved.
 *
 * <p>A change counts ({@link #shifted}) only when p is below alpha AND the median moved by at least the minimum
 * effect in the direction asked about. The effect gate exists because with 20,000 samples per side a shift of a
 * fraction of a percent is "significant", while run-to-run drift on a shared cluster is a few percent.
 *
 * @param statistic the test's name in results, {@value #MANN_WHITNEY}
 * @param pValue the two-sided p-value (normal approximation, commons-math3; no tie correction, which makes it
 *     slightly conservative on the ties of 3-digit histogram buckets)
 * @param beforeMedian the earlier distribution's median, in the histogram's unit
 * @param afterMedian the later distribution's median
 * @param beforeSamples how many samples of the earlier side were tested (at most {@link HistogramSamples#CAP})
 * @param afterSamples how many samples of the later side were tested
 */
record SampleComparison(String statistic, double pValue, double beforeMedian, double afterMedian, int beforeSamples,
        int afterSamples) {

    static final String MANN_WHITNEY = "mann-whitney-u";

    /** Tests {@code after} against {@code before}; both must hold at least one value. */
    static SampleComparison of(AbstractHistogram before, AbstractHistogram after) {
        double[] x = HistogramSamples.of(before);
        double[] y = HistogramSamples.of(after);
        double p = new MannWhitneyUTest().mannWhitneyUTest(x, y);
        return new SampleComparison(MANN_WHITNEY, p, before.getValueAtPercentile(50), after.getValueAtPercentile(50),
                x.length, y.length);
    }

    /** (after median - before median) / before median x 100; 0 when both are 0. */
    double medianChangePct() {
        if (beforeMedian == 0) {
            return afterMedian == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (afterMedian - beforeMedian) / beforeMedian * 100;
    }

    /**
     * Whether the later distribution is significantly shifted {@code up} (or down): p below {@code alpha} and the
     * median moved at least {@code minEffectPct} percent that way.
     */
    boolean shifted(boolean up, double alpha, double minEffectPct) {
        double change = medianChangePct();
        boolean farEnough = up ? change >= minEffectPct : -change >= minEffectPct;
        boolean moved = up ? afterMedian > beforeMedian : afterMedian < beforeMedian;
        return pValue < alpha && moved && farEnough;
    }

    /** "Mann-Whitney p = 0.003, medians +10%", for explanations. */
    String describe() {
        return "Mann-Whitney " + Numbers.pValue(pValue) + ", medians " + Numbers.signedPercent(medianChangePct());
    }
}
