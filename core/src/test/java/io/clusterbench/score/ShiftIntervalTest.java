package io.clusterbench.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Hodges-Lehmann shift and its exact rank interval. */
class ShiftIntervalTest {

    @Test
    void theNullDistributionOfUMatchesTheTabulatedCounts() {
        // 5 against 5: 252 orderings; U = 0, 1, 2, 3 have 1, 1, 2, 3 of them (Hollander and Wolfe, table A.6).
        double[] tail = ShiftInterval.lowerTail(5, 5);
        assertThat(tail).hasSize(26);
        assertThat(tail[0]).isCloseTo(1 / 252.0, within(1e-12));
        assertThat(tail[1]).isCloseTo(2 / 252.0, within(1e-12));
        assertThat(tail[2]).isCloseTo(4 / 252.0, within(1e-12));
        assertThat(tail[3]).isCloseTo(7 / 252.0, within(1e-12));
        assertThat(tail[25]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void fiveAgainstFiveGivesTheThirdSmallestAndLargestDifferenceAt968PercentConfidence() {
        double[] a = {0, 0, 0, 0, 0};
        double[] b = {1, 2, 3, 4, 5};
        ShiftInterval s = ShiftInterval.of(a, b, 0.95).orElseThrow();
        // 25 differences: five each of 1..5; the 3rd smallest is 1, the 3rd largest 5.
        assertThat(s.shift()).isEqualTo(3);
        assertThat(s.low()).isEqualTo(1);
        assertThat(s.high()).isEqualTo(5);
        assertThat(s.confidence()).isCloseTo(1 - 2 * 4 / 252.0, within(1e-12));
    }

    @Test
    void threeAgainstThreeCannotReachNinetyFivePercent() {
        assertThat(ShiftInterval.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95)).isEmpty();
        assertThat(ShiftInterval.of(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, 0.95)).isPresent();
    }

    @Test
    void theIntervalCoversAPlantedShiftAtLeastAsOftenAsItsConfidence() {
        Random random = new Random(7);
        int covered = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[5];
            double[] b = new double[5];
            for (int i = 0; i < 5; i++) {
                a[i] = random.nextGaussian();
                b[i] = random.nextGaussian() + 2.0;
            }
            ShiftInterval s = ShiftInterval.of(a, b, 0.95).orElseThrow();
            if (s.low() <= 2.0 && 2.0 <= s.high()) {
                covered++;
            }
        }
        // Nominal 96.8%; three standard errors below it is 95.6%.
        assertThat(covered / (double) trials).isGreaterThan(0.955);
    }
}
