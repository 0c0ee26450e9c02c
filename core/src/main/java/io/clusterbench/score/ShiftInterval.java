package io.clusterbench.score;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Hodges-Lehmann shift between two small samples (rounds) and its distribution-free confidence interval: the
 * median of all pairwise differences {@code b[j] - a[i]}, and the interval between the c-th smallest and c-th
 * largest of them, c taken from the exact null distribution of the Mann-Whitney U statistic (Hollander and Wolfe,
 * Nonparametric Statistical Methods, 3rd ed., section 4.3). Nothing is assumed about the shape of the round values
 * beyond a shift, and no normal approximation is used at any size.
 *
 * @param shift the estimated shift, {@code b - a}
 * @param low the low end of the interval
 * @param high the high end
 * @param confidence the interval's exact confidence, at least the one asked for (0.968 for 5 rounds against 5)
 */
record ShiftInterval(double shift, double low, double high, double confidence) {

    /**
     * The shift of {@code b} against {@code a} with an interval of at least {@code level} confidence; empty when
     * the samples are too small for one (for 0.95: fewer than 4 against 4).
     */
    static Optional<ShiftInterval> of(double[] a, double[] b, double level) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            return Optional.empty();
        }
        double[] lowerTail = lowerTail(n, m);
        double alphaHalf = (1 - level) / 2;
        // The largest c with P(U <= c - 1) <= alpha / 2; c = 0 means no interval reaches the level.
        int c = 0;
        while (c < lowerTail.length && lowerTail[c] <= alphaHalf) {
            c++;
        }
        if (c == 0) {
            return Optional.empty();
        }
        double[] differences = new double[n * m];
        int k = 0;
        for (double x : a) {
            for (double y : b) {
                differences[k++] = y - x;
            }
        }
        Arrays.sort(differences);
        int size = differences.length;
        double median = size % 2 == 1 ? differences[size / 2]
                : (differences[size / 2 - 1] + differences[size / 2]) / 2;
        double confidence = 1 - 2 * lowerTail[c - 1];
        return Optional.of(new ShiftInterval(median, differences[c - 1], differences[size - c], confidence));
    }

    /**
     * The fewest rounds per condition (the same number on each side) for which an interval of at least {@code level}
     * exists: 4 for 0.95, 5 for 0.984, 6 for 0.995. The most extreme interval leaves out the one smallest and the one
     * largest difference, with confidence 1 - 2 / C(2n, n).
     */
    static int fewestRounds(double level) {
        int n = 1;
        while (lowerTail(n, n)[0] > (1 - level) / 2) {
            n++;
        }
        return n;
    }

    /** Whether the interval leaves out no shift at all. */
    boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /**
     * P(U <= u) for u = 0..n*m under the null hypothesis, from the counts of U, which are the coefficients of the
     * Gaussian binomial [n+m choose n]_q, built by multiplying (1 - q^(m+i)) / (1 - q^i) for i = 1..n.
     */
    static double[] lowerTail(int n, int m) {
        int degree = n * m;
        double[] counts = new double[degree + 1];
        counts[0] = 1;
        for (int i = 1; i <= n; i++) {
            int up = m + i;
            for (int u = degree; u >= up; u--) {
                counts[u] -= counts[u - up];
            }
            for (int u = i; u <= degree; u++) {
                counts[u] += counts[u - i];
            }
        }
        double total = Arrays.stream(counts).sum();
        double[] tail = new double[degree + 1];
        double running = 0;
        for (int u = 0; u <= degree; u++) {
            running += counts[u];
            tail[u] = running / total;
        }
        return tail;
    }
}
