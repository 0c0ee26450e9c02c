package io.clusterbench.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void drawsEveryPointOfAShortLineGapsIncluded() {
        List<Double> values = Arrays.asList(1.0, null, 3.0);

        assertThat(Downsample.indices(values, 2000)).containsExactly(0, 1, 2);
    }

    @Test
    void keepsSpikesDipsAndTheNewestRunOfALongLineWithinTheLimit() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(i == 1234 ? 500.0 : i == 8765 ? -500.0 : 1.0 + i % 3);
        }

        int[] kept = Downsample.indices(values, 2000);

        assertThat(kept.length).isLessThanOrEqualTo(2000).isGreaterThan(1000);
        assertThat(kept).contains(1234, 8765, 9999);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keepsAGapThatFillsAWholeBucket() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i >= 40 && i < 60 ? null : 1.0);
        }

        int[] kept = Downsample.indices(values, 11);

        assertThat(Arrays.stream(kept).filter(i -> values.get(i) == null)).isNotEmpty();
    }
}
