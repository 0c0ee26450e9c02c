package io.clusterbench.score;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Expands a histogram into the values it recorded, for rank tests.
 *
 * <p>Above {@link #CAP} values the expansion is a deterministic subsample proportional to the counts: value number
 * {@code floor((i + 0.5) * n / CAP)} in sorted order for i = 0 .. CAP-1, i.e. the (i + 0.5) / CAP quantiles. The
 * same histogram always gives the same samples, so a score is reproducible, and the subsample keeps the shape of
 * the whole distribution. Each value is the bucket's value as HdrHistogram iterates it (3 significant digits).
 */
final class HistogramSamples {

    /** At most this many values per side: enough to detect a 1% shift, fast enough to rank in milliseconds. */
    static final int CAP = 20_000;

    private HistogramSamples() {
    }

    /** The recorded values, subsampled to at most {@link #CAP}. */
    static double[] of(AbstractHistogram histogram) {
        return of(histogram, CAP);
    }

    static double[] of(AbstractHistogram histogram, int cap) {
        long total = histogram.getTotalCount();
        int size = (int) Math.min(total, cap);
        double[] samples = new double[size];
        int next = 0;
        long seen = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            long count = bucket.getCountAtValueIteratedTo();
            double value = bucket.getValueIteratedTo();
            // Take every target rank that falls inside this bucket's ranks [seen, seen + count).
            while (next < size && rank(next, total, size) < seen + count) {
                samples[next++] = value;
            }
            seen += count;
        }
        return samples;
    }

    private static long rank(int i, long total, int size) {
        return size == total ? i : (long) Math.floor((i + 0.5) * total / size);
    }
}
