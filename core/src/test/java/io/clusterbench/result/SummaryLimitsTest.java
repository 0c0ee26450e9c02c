package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryLimitsTest {

    @Test
    void keepsTheNamedMetricsFirstThenTheRestByNameUpToTheLimit() {
        Map<String, Double> metrics = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            metrics.put("a.m%03d".formatted(i), (double) i);
        }
        metrics.put("z.trend", 1.0);

        TreeMap<String, Double> kept = SummaryLimits.metrics(metrics, List.of("z.trend", "not.measured"));

        assertThat(kept).hasSize(SummaryLimits.MAX_METRICS).containsEntry("z.trend", 1.0)
                .containsKey("a.m000").doesNotContainKey("a.m099");
    }

    @Test
    void leavesOutNamesTooLongToStoreRatherThanCuttingThem() {
        String longName = "p." + "x".repeat(SummaryLimits.MAX_NAME_LENGTH);

        assertThat(SummaryLimits.metrics(Map.of(longName, 1.0, "p.ok", 2.0), List.of(longName)))
                .containsOnlyKeys("p.ok");
        assertThat(SummaryLimits.names(List.of(longName, "p.ok"), 5)).containsExactly("p.ok");
    }

    @Test
    void keepsTheFirstNamesInOrder() {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            failed.add("m" + i);
        }

        assertThat(SummaryLimits.names(failed, SummaryLimits.MAX_FAILED_OBJECTIVES))
                .hasSize(SummaryLimits.MAX_FAILED_OBJECTIVES).startsWith("m0", "m1").endsWith("m19");
    }
}
