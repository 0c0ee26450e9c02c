package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The timeline chart puts a stall where it happened, shades warm-up and conditions, and labels its axes. */
class TimelineChartTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** One second of warm-up, then ten seconds of 100 answers each; at {@code stallAt} none, then a 1 s p99. */
    static TimelineRound round(int index, String condition, int startS, int stallAt) {
        List<TimelinePoint> points = new ArrayList<>();
        points.add(new TimelinePoint(0, 1, true, 100, 100, 0, 2.0, 30.0));
        for (int s = 1; s <= 10; s++) {
            if (s == stallAt) {
                points.add(new TimelinePoint(s, 1, false, 100, 0, 3, null, null));
            } else {
                points.add(new TimelinePoint(s, 1, false, 100, s == stallAt + 1 ? 200 : 100, 0, 1.0,
                        s == stallAt + 1 ? 1000.0 : 4.0));
            }
        }
        return new TimelineRound(index, condition, T0.plusSeconds(startS), points);
    }

    @Test
    void theP99PeakAndTheThroughputDipAreAtTheSecondsOfTheStall() throws Exception {
        TimelineChart chart = TimelineChart.of("Timeline of web", List.of(round(1, "", 0, 4)));
        Document svg = render(chart);

        // The second without answers breaks the p99 line in two, rather than drawing through the gap.
        List<double[]> p99 = points(svg, "p99");
        assertThat(polylines(svg, "p99")).hasSize(2);
        double[] peak = p99.stream().min((a, b) -> Double.compare(a[1], b[1])).orElseThrow();
        assertThat(peak[0]).isCloseTo(chart.x(5.5), within(0.1));
        assertThat(peak[1]).isCloseTo(TimelineChart.latencyY(1000, chart.latencyMax()), within(0.1));
        double[] dip = points(svg, "achieved").stream().max((a, b) -> Double.compare(a[1], b[1])).orElseThrow();
        assertThat(dip[0]).isCloseTo(chart.x(4.5), within(0.1));
        assertThat(dip[1]).isCloseTo(TimelineChart.throughputY(0, chart.throughputMax()), within(0.1));
        assertThat(titles(svg)).contains("3 errors in round 1 from 4 s to 5 s");
    }

    @Test
    void axesStartAtZeroCarryTheirUnitsAndHaveRoundTops() throws Exception {
        TimelineChart chart = TimelineChart.of("Timeline of web", List.of(round(1, "", 0, 4)));
        Document svg = render(chart);

        assertThat(chart.throughputMax()).isEqualTo(200);
        assertThat(chart.latencyMax()).isEqualTo(1000);
        assertThat(texts(svg)).contains("throughput (req/s)", "latency (ms)", "time since the first round started (s)",
                "0", "40", "200", "1000", "3", "9");
        assertThat(svg.getElementsByTagName("*").getLength()).isPositive();
        assertThat(render(chart).getDocumentElement().hasAttribute("style")).isFalse();
        assertThat(rendered(chart)).doesNotContain("style=");
    }

    @Test
    void warmUpAndTheRoundsOfEachConditionAreShadedAndLabelled() throws Exception {
        TimelineChart chart = TimelineChart.of("Timeline of web",
                List.of(round(1, "A", 0, -5), round(2, "B", 20, -5), round(3, "B", 40, 7)));
        Document svg = render(chart);

        List<String> titles = titles(svg);
        assertThat(titles).contains("round 1 (A): 11 s", "round 2 (B): 11 s", "round 3 (B): 11 s",
                "warm-up of round 2: 1 s, in no measured metric");
        assertThat(texts(svg)).contains("A1", "B2", "B3");
        // Round 2 started 20 s after round 1, and the axis shows that time.
        assertThat(chart.spanS()).isEqualTo(51);
        assertThat(fills(svg)).contains("#dbe9f6", "#fbe3d0", "#cccccc");
    }

    @Test
    void aPairSharesItsAxesSoTheHeightsCompare() {
        List<TimelineChart> pair = TimelineChart.pair("Before", List.of(round(1, "A", 0, -5)), "Tuned",
                List.of(round(2, "B", 20, 4)));

        assertThat(pair).hasSize(2);
        assertThat(pair).allSatisfy(chart -> {
            assertThat(chart.width()).isEqualTo(TimelineChart.HALF_WIDTH);
            assertThat(chart.latencyMax()).isEqualTo(1000);
            assertThat(chart.throughputMax()).isEqualTo(200);
        });
    }

    static String rendered(TimelineChart chart) throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        chart.write(xml);
        xml.flush();
        return out.toString();
    }

    static Document render(TimelineChart chart) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(rendered(chart).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> polylines(Document svg, String name) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("polyline");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<double[]> points(Document svg, String name) {
        return polylines(svg, name).stream()
                .flatMap(e -> Arrays.stream(e.getAttribute("points").split(" ")))
                .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
    }

    private static List<String> texts(Document svg) {
        return content(svg, "text");
    }

    private static List<String> titles(Document svg) {
        return content(svg, "title");
    }

    private static List<String> content(Document svg, String tag) {
        List<String> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            found.add(all.item(i).getTextContent());
        }
        return found;
    }

    private static List<String> fills(Document svg) {
        List<String> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("rect");
        for (int i = 0; i < all.getLength(); i++) {
            found.add(((Element) all.item(i)).getAttribute("fill"));
        }
        return found;
    }
}
