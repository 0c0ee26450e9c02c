package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.AxisScale.Floor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart axes get 1-2-5 ticks that tell values apart and never put a non-negative quantity below zero. */
class AxisScaleTest {

    @Test
    void givesDistinctTickLabelsToASeriesMovingByAHundredthOfAPercentAroundTwoHundred() {
        List<Double> values = List.of(200.0, 200.1, 199.9, 200.05, 199.95);

        AxisScale axis = AxisScale.of(values, Floor.NON_NEGATIVE);

        assertThat(axis.labels()).doesNotHaveDuplicates().contains("199.9", "200", "200.1");
        assertThat(axis.low()).isLessThanOrEqualTo(199.9).isGreaterThan(199.5);
        assertThat(axis.high()).isGreaterThanOrEqualTo(200.1).isLessThan(200.5);
        assertThat(axis.step()).isEqualTo(0.05);
        // Format's four digits would have printed 199.95 and 200 alike: the tick labels keep the step's decimals.
        assertThat(Numbers.format(199.95)).isEqualTo(Numbers.format(199.9));
        assertThat(axis.labels()).contains("199.95", "200.05");
    }

    @Test
    void drawsAnAlwaysZeroPercentageFromZeroToOneNotFromMinusOne() {
        AxisScale axis = AxisScale.of(List.of(0.0, 0.0, 0.0), Floor.forUnit("percent", List.of(0.0, 0.0)));

        assertThat(axis.low()).isZero();
        assertThat(axis.high()).isEqualTo(1);
        assertThat(axis.labels()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
    }

    @Test
    void startsThroughputAndCountsAtZero() {
        List<Double> ops = List.of(41_200.0, 41_900.0, 40_800.0);

        AxisScale axis = AxisScale.of(ops, Floor.forUnit("ops/s", ops));

        assertThat(Floor.forUnit("ops/s", ops)).isEqualTo(Floor.ZERO);
        assertThat(Floor.forUnit("count", ops)).isEqualTo(Floor.ZERO);
        assertThat(axis.low()).isZero();
        assertThat(axis.high()).isEqualTo(50_000);
        assertThat(axis.labels()).containsExactly("0", "10000", "20000", "30000", "40000", "50000");
    }

    @Test
    void neverGoesBelowZeroForANonNegativeQuantityThatStartsNearZero() {
        List<Double> latencies = List.of(0.03, 4.9, 2.2);

        AxisScale axis = AxisScale.of(latencies, Floor.forUnit("ms", latencies));

        assertThat(Floor.forUnit("ms", latencies)).isEqualTo(Floor.NON_NEGATIVE);
        assertThat(axis.low()).isZero();
        assertThat(axis.ticks()).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(0));
        assertThat(axis.high()).isEqualTo(5);
    }

    @Test
    void followsTheDataBelowZeroWhenAValueIsNegative() {
        List<Double> changes = List.of(-3.2, 1.5, 0.4);

        AxisScale axis = AxisScale.of(changes, Floor.forUnit("percent", changes));

        assertThat(Floor.forUnit("percent", changes)).isEqualTo(Floor.ANY);
        assertThat(axis.low()).isEqualTo(-4);
        assertThat(axis.high()).isEqualTo(2);
        assertThat(axis.labels()).containsExactly("-4", "-3", "-2", "-1", "0", "1", "2");
    }

    @Test
    void givesAFlatNonZeroLineRoomAroundItsValue() {
        AxisScale axis = AxisScale.of(List.of(12.0, 12.0), Floor.NON_NEGATIVE);

        assertThat(axis.low()).isLessThan(12).isGreaterThanOrEqualTo(0);
        assertThat(axis.high()).isGreaterThan(12);
        assertThat(axis.labels()).doesNotHaveDuplicates();
    }

    @Test
    void usesOnlyStepsOfOneTwoOrFiveTimesAPowerOfTenWithFourToSevenTicks() {
        double[][] ranges = {{0, 23.4}, {0, 0.0042}, {3.3, 3.31}, {1e6, 1.7e6}, {17, 980}, {0, 15.143}, {0.5, 0.5001}};
        for (double[] range : ranges) {
            AxisScale axis = AxisScale.between(range[0], range[1], Floor.NON_NEGATIVE);

            double mantissa = axis.step() / Math.pow(10, Math.floor(Math.log10(axis.step()) + 1e-9));
            assertThat(mantissa).as(Arrays.toString(range)).isIn(1.0, 2.0, 5.0);
            assertThat(axis.ticks()).as(Arrays.toString(range)).hasSizeBetween(4, 7);
            assertThat(axis.low()).isLessThanOrEqualTo(range[0]);
            assertThat(axis.high()).isGreaterThanOrEqualTo(range[1]);
            assertThat(new HashSet<>(axis.labels())).hasSameSizeAs(axis.labels());
            for (int i = 1; i < axis.ticks().size(); i++) {
                assertThat(axis.ticks().get(i) - axis.ticks().get(i - 1)).isCloseTo(axis.step(),
                        within(axis.step() * 1e-9));
            }
        }
    }

    @Test
    void placesValuesBetweenTheEnds() {
        AxisScale axis = AxisScale.fixed(0, 100, 20);

        assertThat(axis.labels()).containsExactly("0", "20", "40", "60", "80", "100");
        assertThat(axis.fraction(0)).isZero();
        assertThat(axis.fraction(75)).isEqualTo(0.75);
    }

    @Test
    void labelsTicksWithTheDecimalsTheirStepNeeds() {
        List<String> labels = new ArrayList<>();
        for (double tick : new double[] {0, 0.25, 0.5, 0.75}) {
            labels.add(Numbers.tick(tick, 0.25));
        }
        assertThat(labels).containsExactly("0", "0.25", "0.5", "0.75");
        assertThat(Numbers.tick(199.95, 0.05)).isEqualTo("199.95");
        assertThat(Numbers.tick(40_000, 10_000)).isEqualTo("40000");
        assertThat(Numbers.tick(0.3, 0.1)).isEqualTo("0.3");
    }
}
