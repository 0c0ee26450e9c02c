package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.TrendPalette;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job chart renders core's trend model: the plugin keeps no choice of its own. */
class TrendSeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TrendPoint NEWEST = new TrendPoint(3, "#3", 91.24, "PASS",
            Map.of("cache.p99_ms", 2.0, "cache.ops_per_s", 40000.0), List.of("cache.ops_per_s"));
    private static final TrendPoint UNSCORED = new TrendPoint(2, "#2", null, "UNSCORED", Map.of("cache.p99_ms", 4.0),
            List.of());
    private static final TrendPoint OLDEST = new TrendPoint(1, "#1", 40.0, "FAIL", Map.of("cache.p99_ms", 8.0),
            List.of());
    private static final List<TrendPoint> BUILDS = List.of(NEWEST, UNSCORED, OLDEST);

    private static JsonNode chart(List<TrendPoint> builds, List<String> trendMetrics) throws Exception {
        return JSON.readTree(TrendSeries.toJson(builds, TrendSeries.model(builds, trendMetrics)));
    }

    @Test
    void drawsBuildsOldestFirstWithTheirNumbersForClickThrough() throws Exception {
        JsonNode model = chart(BUILDS, List.of());

        assertThat(model.get("domainAxisLabels").toString()).isEqualTo("[\"#1\",\"#2\",\"#3\"]");
        assertThat(model.get("buildNumbers").toString()).isEqualTo("[1,2,3]");
        assertThat(model.get("rangeMin").asInt()).isZero();
        assertThat(model.get("rangeMax").asInt()).isEqualTo(100);
    }

    @Test
    void coloursEachScoreByItsVerdictWithCoresPaletteAndLeavesAGapForAnUnscoredBuild() throws Exception {
        JsonNode data = chart(BUILDS, List.of()).get("series").get(0).get("data");

        assertThat(data.get(0).get("value").asDouble()).isEqualTo(40.0);
        assertThat(data.get(0).get("itemStyle").get("color").asText()).isEqualTo(TrendPalette.FAIL);
        assertThat(data.get(1).isNull()).isTrue();
        assertThat(data.get(2).get("value").asDouble()).isEqualTo(91.2);
        assertThat(data.get(2).get("itemStyle").get("color").asText()).isEqualTo(TrendPalette.PASS);
    }

    @Test
    void drawsATrendMetricAsPercentOfItsLargestValueAndLeavesOutOneNoBuildMeasured() throws Exception {
        JsonNode series = chart(BUILDS, List.of("cache.p99_ms", "never.measured")).get("series");

        assertThat(series).hasSize(2);
        assertThat(series.get(1).get("name").asText()).isEqualTo("cache.p99_ms (% of 8.000)");
        assertThat(series.get(1).get("data").toString()).isEqualTo("[100.0,50.0,25.0]");
    }

    @Test
    void withoutTrendMetricsDrawsTheNewestBuildsFailedObjectivesFirst() throws Exception {
        JsonNode series = chart(BUILDS, List.of()).get("series");

        assertThat(series.get(1).get("name").asText()).startsWith("cache.ops_per_s");
    }

    @Test
    void drawsAtMostSixTrendMetricsInSixDifferentColours() throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            metrics.put("m.v" + i, (double) i);
        }
        List<TrendPoint> builds = List.of(new TrendPoint(1, "#1", 90.0, "PASS", metrics, List.of()));
        JsonNode series = chart(builds, List.copyOf(metrics.keySet())).get("series");

        assertThat(series).hasSize(7);
        Set<String> colours = new HashSet<>();
        for (int i = 1; i < series.size(); i++) {
            colours.add(series.get(i).get("itemStyle").get("color").asText());
        }
        assertThat(colours).hasSize(6);
    }

    @Test
    void drawsAMetricThatStayedZeroAsAFlatLineRatherThanLeavingItOut() throws Exception {
        List<TrendPoint> builds = List.of(new TrendPoint(2, "#2", 90.0, "PASS", Map.of("c.errors", 0.0), List.of()),
                new TrendPoint(1, "#1", 90.0, "PASS", Map.of("c.errors", 0.0), List.of()));
        JsonNode series = chart(builds, List.of("c.errors")).get("series");

        assertThat(series.get(1).get("name").asText()).isEqualTo("c.errors (always 0)");
        assertThat(series.get(1).get("data").toString()).isEqualTo("[0.0,0.0]");
    }
}
