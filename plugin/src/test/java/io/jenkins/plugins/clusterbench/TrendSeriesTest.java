package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void drawsExactlyTheNewestBuildsTrendMetricsInSpecOrder() {
        List<String> metrics = TrendSeries.chosenMetrics(List.of(NEWEST, OLDEST),
                List.of("cache.ops_per_s", "cache.p99_ms"), List.of("cache.p99_ms"));

        assertThat(metrics).containsExactly("cache.ops_per_s", "cache.p99_ms");
    }

    @Test
    void leavesOutTrendMetricsThatNoBuildInTheWindowMeasured() {
        TrendPoint older = new TrendPoint(1, "#1", 40.0, "FAIL", Map.of("cache.used_memory", 1e6));

        List<String> metrics = TrendSeries.chosenMetrics(List.of(NEWEST, older),
                List.of("never.measured", "cache.used_memory"), List.of());

        assertThat(metrics).containsExactly("cache.used_memory");
        assertThat(TrendSeries.chosenMetrics(List.of(NEWEST), List.of("never.measured"), List.of("cache.p99_ms")))
                .as("the spec's choice is not topped up with default picks").isEmpty();
    }

    @Test
    void drawsAtMostSixTrendMetrics() {
        Map<String, Double> seven = Map.of("m.a", 1.0, "m.b", 1.0, "m.c", 1.0, "m.d", 1.0, "m.e", 1.0, "m.f", 1.0,
                "m.g", 1.0);
        TrendPoint point = new TrendPoint(1, "#1", 90.0, "PASS", seven);

        List<String> metrics = TrendSeries.chosenMetrics(List.of(point),
                List.of("m.g", "m.f", "m.e", "m.d", "m.c", "m.b", "m.a"), List.of());

        assertThat(metrics).containsExactly("m.g", "m.f", "m.e", "m.d", "m.c", "m.b");
    }

    @Test
    void fallsBackToTheDefaultSelectionWhenTheNewestBuildNamesNoTrendMetrics() {
        List<String> metrics = TrendSeries.chosenMetrics(List.of(NEWEST, OLDEST), List.of(), List.of("cache.p99_ms"));

        assertThat(metrics).isEqualTo(TrendSeries.defaultMetrics(List.of(NEWEST, OLDEST), List.of("cache.p99_ms")))
                .containsExactly("cache.p99_ms", "cache.ops_per_s");
    }

    @Test
    void drawsSixTrendMetricsInSixDifferentColours() throws Exception {
        Map<String, Double> six = Map.of("m.a", 1.0, "m.b", 2.0, "m.c", 3.0, "m.d", 4.0, "m.e", 5.0, "m.f", 6.0);
        TrendPoint point = new TrendPoint(1, "#1", 90.0, "PASS", six);

        JsonNode model = JSON.readTree(TrendSeries.toJson(List.of(point),
                List.of("m.a", "m.b", "m.c", "m.d", "m.e", "m.f")));

        assertThat(model.get("series")).hasSize(7);
        Set<String> colours = new HashSet<>();
        for (int i = 1; i < 7; i++) {
            colours.add(model.get("series").get(i).get("itemStyle").get("color").asText());
        }
        assertThat(colours).hasSize(6);
    }

    @Test
    void drawsAMetricThatStayedZeroAsAFlatLineRatherThanLeavingItOut() throws Exception {
        TrendPoint newer = new TrendPoint(2, "#2", 90.0, "PASS", Map.of("lb.error_pct", 0.0));
        TrendPoint older = new TrendPoint(1, "#1", 90.0, "PASS", Map.of());

        JsonNode model = JSON.readTree(TrendSeries.toJson(List.of(newer, older), List.of("lb.error_pct")));

        JsonNode metric = model.get("series").get(1);
        assertThat(metric.get("name").asText()).isEqualTo("lb.error_pct (always 0)");
        assertThat(metric.get("data").toString()).isEqualTo("[null,0.0]");
    }

    @Test
    void inconclusiveAndUnscoredVerdictsAreGrey() {
        assertThat(TrendSeries.colorOf("INCONCLUSIVE")).isEqualTo(TrendSeries.OTHER_COLOR);
        assertThat(TrendSeries.colorOf(null)).isEqualTo(TrendSeries.OTHER_COLOR);
        assertThat(TrendSeries.colorOf("WARNING")).isEqualTo(TrendSeries.WARNING_COLOR);
    }
}
