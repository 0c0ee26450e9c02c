package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalScheduleTest {

    @Test
    void givesTheSameScheduleForTheSameSeedAndAnotherForAnotherSeed() {
        double[] first = ArrivalSchedule.offsets(200, OptionalDouble.of(4), 1, 42);
        double[] again = ArrivalSchedule.offsets(200, OptionalDouble.of(4), 1, 42);
        double[] other = ArrivalSchedule.offsets(200, OptionalDouble.of(4), 1, 43);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void sendsTheLastRequestExactlyAtRequestsOverRateAndNeverGoesBack() {
        double[] offsets = ArrivalSchedule.offsets(200, OptionalDouble.of(4), 0.5, 1);

        assertThat(offsets[offsets.length - 1]).isCloseTo(200 / 4.0, within(1e-9));
        for (int i = 1; i < offsets.length; i++) {
            assertThat(offsets[i]).isGreaterThanOrEqualTo(offsets[i - 1]);
        }
        assertThat(offsets[0]).isPositive();
    }

    @Test
    void sendsEverythingAtOnceWithoutARate() {
        assertThat(ArrivalSchedule.offsets(5, OptionalDouble.empty(), 1, 1)).containsOnly(0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 4.0})
    void drawsGapsWithMeanOneOverRateAndTheGammaVarianceOfTheBurstiness(double burstiness) {
        double rate = 8;
        Random random = new Random(2024);
        int samples = 200_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < samples; i++) {
            double gap = ArrivalSchedule.gamma(random, burstiness, 1 / (rate * burstiness));
            sum += gap;
            squares += gap * gap;
        }
        double mean = sum / samples;
        double variance = squares / samples - mean * mean;

        assertThat(mean).isCloseTo(1 / rate, within(0.01 / rate));
        // Gamma(k, 1/(rate k)) has variance 1/(rate^2 k): burstier below 1, more even above.
        assertThat(variance).isCloseTo(1 / (rate * rate * burstiness), within(0.05 / (rate * rate * burstiness)));
    }

    @Test
    void keepsTheMeanGapOfAPoissonScheduleAtOneOverRate() {
        double[] offsets = ArrivalSchedule.offsets(10_000, OptionalDouble.of(2), 1, 5);
        double[] gaps = new double[offsets.length - 1];
        for (int i = 1; i < offsets.length; i++) {
            gaps[i - 1] = offsets[i] - offsets[i - 1];
        }
        double mean = SampleStats.mean(gaps);

        assertThat(mean).isCloseTo(0.5, within(0.01));
        // Exponential gaps: the standard deviation equals the mean.
        assertThat(SampleStats.std(gaps)).isCloseTo(mean, within(0.03));
    }
}
