package io.clusterbench.result;

/**
 * The values of one metric over the rounds of one condition.
 *
 * @param median the median of the rounds' values
 * @param min the smallest round value
 * @param max the largest
 * @param rounds how many rounds measured the metric
 */
public record RoundSpread(double median, double min, double max, int rounds) {

    /** The spread of {@code values}, which must hold at least one. */
    public static RoundSpread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no round values");
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new RoundSpread(median, sorted[0], sorted[n - 1], n);
    }
}
