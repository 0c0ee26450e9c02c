package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendSeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TrendPoint NEWEST = new TrendPoint(3, "#3", 91.24, "PASS",
            Map.of("cache.p99_ms", 2.0, "cache.ops_per_s", 40000.0));
    private static final TrendPoint UNSCORED = new TrendPoint(2, "#2", null, "UNSCORED", Map.of("cache.p99_ms", 4.0));
    private static final TrendPoint OLDEST = new TrendPoint(1, "#1", 40.0, "FAIL", Map.of("cache.p99_ms", 8.0));

    @Test
    void drawsBuildsOldestFirstWithTheirNumbersForClickThrough() throws Exception {
        JsonNode model = JSON.readTree(TrendSeries.toJson(List.of(NEWEST, UNSCORED, OLDEST), List.of()));

        assertThat(model.get("domainAxisLabels").toString()).isEqualTo("[\"#1\",\"#2\",\"#3\"]");
        assertThat(model.get("buildNumbers").toString()).isEqualTo("[1,2,3]");
        assertThat(model.get("rangeMin").asInt()).isZero();
        assertThat(model.get("rangeMax").asInt()).isEqualTo(100);
    }

    @Test
    void coloursEachScoreByItsVerdictAndLeavesAGapForAnUnscoredBuild() throws Exception {
        JsonNode model = JSON.readTree(TrendSeries.toJson(List.of(NEWEST, UNSCORED, OLDEST), List.of()));
        JsonNode score = model.get("series").get(0);

        assertThat(score.get("name").asText()).isEqualTo("Score");
        JsonNode data = score.get("data");
        assertThat(data.get(0).get("value").asDouble()).isEqualTo(40.0);
        assertThat(data.get(0).get("itemStyle").get("color").asText()).isEqualTo(TrendSeries.FAIL_COLOR);
        assertThat(data.get(1).isNull()).isTrue();
        assertThat(data.get(2).get("value").asDouble()).isEqualTo(91.2);
        assertThat(data.get(2).get("itemStyle").get("color").asText()).isEqualTo(TrendSeries.PASS_COLOR);
    }

    @Test
    void drawsASelectedMetricAsPercentOfItsLargestValueNamingThatValue() throws Exception {
        JsonNode model = JSON.readTree(
                TrendSeries.toJson(List.of(NEWEST, UNSCORED, OLDEST), List.of("cache.p99_ms", "never.measured")));

        assertThat(model.get("series")).hasSize(2);
        JsonNode metric = model.get("series").get(1);
        assertThat(metric.get("name").asText()).isEqualTo("cache.p99_ms (% of 8.000)");
        assertThat(metric.get("data").toString()).isEqualTo("[100.0,50.0,25.0]");
    }

    @Test
    void defaultMetricsPutTheNewestBuildsFailedObjectivesFirst() {
        List<String> metrics = TrendSeries.defaultMetrics(List.of(NEWEST, OLDEST), List.of("cache.p99_ms"));

        assertThat(metrics).containsExactly("cache.p99_ms", "cache.ops_per_s");
        assertThat(TrendSeries.defaultMetrics(List.of(), List.of("cache.p99_ms"))).isEmpty();
    }

    @Test
    void inconclusiveAndUnscoredVerdictsAreGrey() {
        assertThat(TrendSeries.colorOf("INCONCLUSIVE")).isEqualTo(TrendSeries.OTHER_COLOR);
        assertThat(TrendSeries.colorOf(null)).isEqualTo(TrendSeries.OTHER_COLOR);
        assertThat(TrendSeries.colorOf("WARNING")).isEqualTo(TrendSeries.WARNING_COLOR);
    }
}
