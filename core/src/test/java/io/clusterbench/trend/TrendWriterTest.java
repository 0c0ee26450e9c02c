package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import io.clusterbench.result.RunSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrendWriterTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void writesEveryRunToTrendJsonInTimeOrderWithItsValues(@TempDir Path dir) throws Exception {
        TrendHistories.write(dir.resolve("history"), 0, 50, List.of());

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/trend.json").toFile());
        assertThat(json.get("trendVersion").asInt()).isEqualTo(1);
        assertThat(json.get("runCount").asInt()).isEqualTo(50);
        assertThat(json.get("metrics").get(0).get("name").asText()).isEqualTo(TrendHistories.P99);
        assertThat(json.get("metrics").get(0).get("unit").asText()).isEqualTo("ms");
        JsonNode runs = json.get("runs");
        assertThat(runs).hasSize(50);
        for (int i = 0; i < 50; i++) {
            JsonNode run = runs.get(i);
            assertThat(run.get("runId").asText()).isEqualTo(TrendHistories.runId(i));
            assertThat(Instant.parse(run.get("startedAt").asText())).isEqualTo(TrendHistories.startedAt(i));
            assertThat(run.get("metrics").get(TrendHistories.P99).asDouble()).isEqualTo(TrendHistories.p99(i));
            if (TrendHistories.verdict(i) == null) {
                assertThat(run.get("score").isNull()).isTrue();
                assertThat(run.get("verdict").isNull()).isTrue();
            } else {
                assertThat(run.get("score").asDouble()).isEqualTo(TrendHistories.score(i));
                assertThat(run.get("verdict").asText()).isEqualTo(TrendHistories.verdict(i).name());
                assertThat(run.get("passThreshold").asDouble()).isEqualTo(90);
            }
        }
        assertThat(json.get("summaries").get("created").asInt()).isEqualTo(50);
    }

    @Test
    void writesAPageWithoutScriptsOrInlineStylesThatParsesAsXml(@TempDir Path dir) throws Exception {
        TrendHistories.write(dir.resolve("history"), 0, 50, List.of());

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        String html = Files.readString(dir.resolve("out/trend.html"));
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("<style").contains("<link rel=\"stylesheet\" href=\"trend.css\"/>");
        assertThat(dir.resolve("out/trend.css")).content().contains(".verdict-fail");
        Document page = parse(html);
        assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(page.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "tr").getLength())
                .isEqualTo(1 + TrendPage.TABLE_ROWS);
    }

    @Test
    void drawsOnePointPerScoredRunColouredByItsVerdict(@TempDir Path dir) throws Exception {
        TrendHistories.write(dir.resolve("history"), 0, 50, List.of());

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        Map<String, String> fillByRun = scoreFills(parse(Files.readString(dir.resolve("out/trend.html"))));
        List<Integer> scored = IntStream.range(0, 50).filter(i -> TrendHistories.verdict(i) != null).boxed().toList();
        assertThat(fillByRun).hasSize(scored.size());
        for (int i : scored) {
            String expected = switch (TrendHistories.verdict(i)) {
                case PASS -> "#1a7f37";
                case WARNING -> "#d4a72c";
                case FAIL -> "#cf222e";
                default -> "#8c959f";
            };
            assertThat(fillByRun.get(TrendHistories.runId(i))).as("run %d", i).isEqualTo(expected);
        }
    }

    @Test
    void breaksTheScoreLineAtUnscoredRunsButNotTheThresholds(@TempDir Path dir) throws Exception {
        // Runs 6 and 13 are not scored: the score line is runs 0-5 and 7-12, the thresholds one line each.
        TrendHistories.write(dir.resolve("history"), 0, 14, List.of());

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        Element scoreChart = (Element) parse(Files.readString(dir.resolve("out/trend.html")))
                .getElementsByTagNameNS(SVG, "svg").item(0);
        NodeList lines = scoreChart.getElementsByTagNameNS(SVG, "polyline");
        List<String> scoreLines = new ArrayList<>();
        List<String> thresholds = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            (line.hasAttribute("stroke-dasharray") ? thresholds : scoreLines).add(line.getAttribute("points"));
        }
        assertThat(scoreLines).extracting(points -> points.split(" ").length).containsExactly(6, 6);
        assertThat(thresholds).extracting(points -> points.split(" ").length).containsExactly(12, 12);
        assertThat(scoreChart.getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(12);
    }

    @Test
    void drawsAMetricChartWithATooltipPerRun(@TempDir Path dir) throws Exception {
        TrendHistories.write(dir.resolve("history"), 0, 12, List.of());

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        NodeList titles = parse(Files.readString(dir.resolve("out/trend.html"))).getElementsByTagNameNS(SVG, "title");
        List<String> metricTitles = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            String text = titles.item(i).getTextContent();
            if (text.contains(TrendHistories.P99)) {
                metricTitles.add(text);
            }
        }
        assertThat(metricTitles).hasSize(12)
                .contains(TrendHistories.runId(5) + " at " + TrendHistories.startedAt(5) + ": "
                        + TrendHistories.P99 + " 2.25 ms (" + TrendHistories.verdict(5) + ")");
    }

    @Test
    void writesFilesThatSayTheHistoryIsEmpty(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("history"));

        TrendWriter.write(Trend.build(dir.resolve("history")), dir.resolve("out"));

        String html = Files.readString(dir.resolve("out/trend.html"));
        assertThat(html).contains("No runs found under");
        parse(html);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/trend.json").toFile());
        assertThat(json.get("runCount").asInt()).isZero();
        assertThat(json.get("runs")).isEmpty();
        assertThat(json.get("message").asText()).startsWith("no runs found under");
    }

    @Test
    void drawsAtMostTheLimitOfPointsPerLineWhileTrendJsonKeepsEveryRun(@TempDir Path dir) throws Exception {
        int count = 10_000;
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double p99 = i == 4321 ? 999 : 1 + i % 10 * 0.1;
            runs.add(new RunSummary("run" + i, Instant.EPOCH.plusSeconds(i), "c", 50.0 + i % 50,
                    i == 7777 ? Verdict.FAIL : Verdict.PASS, 90.0, 75.0, List.of("a.p99_ms"), List.of(),
                    Map.of("a.p99_ms", p99), Map.of("a.p99_ms", "ms")));
        }
        TrendData data = new TrendData(dir, runs, List.of("a.p99_ms"), Map.of("a.p99_ms", "ms"), List.of(), count, 0);

        TrendWriter.write(data, dir.resolve("out"));

        String html = Files.readString(dir.resolve("out/trend.html"));
        Document page = parse(html);
        NodeList charts = page.getElementsByTagNameNS(SVG, "svg");
        int lines = 0;
        for (int i = 0; i < charts.getLength(); i++) {
            Element chart = (Element) charts.item(i);
            int points = chart.getElementsByTagNameNS(SVG, "circle").getLength();
            if (points > 1) {
                lines++;
                assertThat(points).isBetween(Downsample.MAX_POINTS / 2, Downsample.MAX_POINTS);
            }
        }
        assertThat(lines).isEqualTo(2);
        assertThat(html).contains("run4321 at").contains(": a.p99_ms 999 ms").contains("run9999 at");
        assertThat(scoreFills(page)).containsEntry("run7777", "#cf222e").containsKey("run0");
        assertThat(new ObjectMapper().readTree(dir.resolve("out/trend.json").toFile()).get("runs")).hasSize(count);
    }

    /** The fill of each point of the score chart, by run id (from its tooltip). */
    private static Map<String, String> scoreFills(Document page) {
        Map<String, String> fills = new HashMap<>();
        NodeList circles = page.getElementsByTagNameNS(SVG, "circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element circle = (Element) circles.item(i);
            String title = circle.getTextContent();
            if (title.contains(": score ")) {
                fills.put(title.substring(0, title.indexOf(" at ")), circle.getAttribute("fill"));
            }
        }
        return fills;
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }
}
