package io.clusterbench.probe.openai;

import java.util.Random;

/**
 * How the length of each request's prompt and output is drawn around its nominal length {@code n}: within
 * {@code [floor(n x (1 - rangeRatio)), floor(n x (1 + rangeRatio))]} (at least 1), uniformly as vLLM bench's random
 * dataset draws it ({@code np.random.randint(low, high + 1)}), or from a normal distribution with mean {@code n}
 * and standard deviation a quarter of the range's width (so that about 95% of draws fall inside), drawn again
 * when outside and rounded. A ratio of 0 keeps every length at {@code n}.
 *
 * @param rangeRatio 0 (fixed) up to, not including, 1
 * @param normal whether lengths are normal rather than uniform within the range
 */
record TokenLengths(double rangeRatio, boolean normal) {

    /** Every length exactly {@code n}. */
    static final TokenLengths FIXED = new TokenLengths(0, false);

    /** Whether every length is its nominal one. */
    boolean fixed() {
        return rangeRatio == 0;
    }

    /** The shortest length a draw around {@code n} can give. */
    int low(int n) {
        return Math.max(1, (int) Math.floor(n * (1 - rangeRatio)));
    }

    /** The longest length a draw around {@code n} can give. */
    int high(int n) {
        return Math.max(low(n), (int) Math.floor(n * (1 + rangeRatio)));
    }

    /** One length around {@code n}. */
    int draw(Random random, int n) {
        int low = low(n);
        int high = high(n);
        if (low == high) {
            return low;
        }
        if (!normal) {
            return low + random.nextInt(high - low + 1);
        }
        double deviation = (high - low) / 4.0;
        while (true) {
            long length = Math.round(n + random.nextGaussian() * deviation);
            if (length >= low && length <= high) {
                return (int) length;
            }
        }
    }
}
