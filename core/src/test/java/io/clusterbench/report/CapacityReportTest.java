package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A capacity search's curve in both reports: the chart marks the knee and the lowest failed load where they are,
 * tells passed, failed and generator-limited steps apart by shape, and labels its axes with units; the Markdown
 * table names the same steps.
 */
class CapacityReportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A search that doubled 20, 40, 80 (passed), 160 (failed), then bisected to 100 (passed) and 110 (failed). */
    static CapacityCurve found() {
        return new CapacityCurve("rate", "req/s", List.of("p99_ms <= 50", "error_pct <= 1"), 10, 60,
                CapacityCurve.FOUND, 100.0, 110.0, "capacity 100 req/s (rate): 100 req/s (rate) passed in all its 2"
                        + " rounds, 110 req/s (rate) failed (p99_ms <= 50 (was 73.2)); known to 10% (asked: 10%)",
                List.of(step(1, 20, CapacityStep.PASS, 2, 4, 0), step(2, 40, CapacityStep.PASS, 2.5, 6, 0),
                        step(3, 80, CapacityStep.PASS, 3, 12, 0), step(4, 160, CapacityStep.FAIL, 40, 400, 35),
                        step(5, 120, CapacityStep.FAIL, 20, 150, 8), step(6, 100, CapacityStep.PASS, 4, 30, 0.5),
                        step(7, 110, CapacityStep.FAIL, 9, 73.2, 2)));
    }

    static CapacityStep step(int index, double load, String verdict, double p50, double p99, double errorPct) {
        double achieved = verdict.equals(CapacityStep.GENERATOR_LIMIT) ? load / 3 : Math.min(load, 105);
        return new CapacityStep(index, load, verdict, verdict.equals(CapacityStep.PASS) ? 2 : 1, 2,
                Map.of("p50_ms", p50, "p99_ms", p99, "error_pct", errorPct, "requests_per_s", achieved),
                verdict.equals(CapacityStep.FAIL) ? List.of("p99_ms <= 50 (was " + p99 + ")") : List.of());
    }

    static RunResult run(CapacityCurve curve, MetricValue... metrics) {
        ProbeMeasurement probe = new ProbeMeasurement("lb", "http", "http://127.0.0.1/health",
                curve.passed() == null ? ProbeStatus.PARTIAL : ProbeStatus.OK, T0, T0.plusSeconds(60),
                List.of(metrics), List.of(), List.of()).withCapacity(curve);
        return new RunResult(RunResult.SCHEMA_VERSION, "run-1", "planted", "c.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "test", "17", "localhost", "linux"), T0, T0.plusSeconds(60), List.of(),
                List.of(probe));
    }

    @Test
    void marksTheKneeAndTheLowestFailedLoadAtTheirLoadsAndLabelsBothAxesWithUnits(@TempDir Path dir)
            throws Exception {
        CapacityCurve curve = found();
        Reports.write(run(curve, MetricValue.of("capacity_load", 100, "req/s"),
                MetricValue.of("capacity_rps", 98.5, "req/s"), MetricValue.of("p99_ms", 30, "ms")), dir);
        WrittenReports reports = new WrittenReports(dir);
        CapacityChart chart = new CapacityChart("Capacity curve of lb", curve);

        Element knee = byClass(reports.svg("line"), "knee");
        Element failed = byClass(reports.svg("line"), "lowest-failed");
        assertThat(Double.parseDouble(knee.getAttribute("x1"))).isCloseTo(chart.x(100), within(0.1));
        assertThat(Double.parseDouble(failed.getAttribute("x1"))).isCloseTo(chart.x(110), within(0.1));
        assertThat(chart.x(110) - chart.x(100)).as("200 on the axis: 110 sits 10/200 of the width right of 100")
                .isCloseTo((CapacityChart.WIDTH - 64 - 24) * 10 / 200.0, within(0.1));
        List<String> texts = reports.svg("text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("latency (ms)", "throughput (req/s)", "errors (%)", "offered load: rate (req/s)",
                "knee 100", "failed 110", "0", "200");
        // Four passed steps, three failed, one marker per step in each of the four series (p50, p99, achieved, errors).
        assertThat(reports.svg("circle").stream().filter(c -> c.getAttribute("class").equals("step-pass")))
                .hasSize(4 * 4);
        assertThat(reports.svg("path").stream().filter(c -> c.getAttribute("class").equals("step-fail")))
                .hasSize(3 * 4);
        assertThat(reports.svg("title").stream().map(Element::getTextContent))
                .contains("step 7: 110 req/s, fail (1 of 2 rounds met the SLO), p99 73.2 ms; missed p99_ms <= 50"
                        + " (was 73.2)");
        assertThat(reports.html).doesNotContain("style=").contains("Capacity search over");
        // The capacity heads the probe's headline table.
        assertThat(reports.markdown).containsSubsequence("| `lb.capacity_load` | 100 req/s", "| `lb.capacity_rps`");
    }

    @Test
    void drawsTheKneeAsAMarkerWhoseColourAndDashesNoSeriesHas(@TempDir Path dir) throws Exception {
        Reports.write(run(found(), MetricValue.of("capacity_load", 100, "req/s")), dir);
        WrittenReports reports = new WrittenReports(dir);

        Element knee = byClass(reports.svg("line"), "knee");
        List<Element> series = reports.svg("polyline");
        assertThat(series).extracting(l -> l.getAttribute("class")).contains("p50", "p99", "achieved", "errors");
        assertThat(series).extracting(l -> l.getAttribute("stroke")).doesNotContain(knee.getAttribute("stroke"));
        assertThat(series).extracting(l -> l.getAttribute("stroke-dasharray"))
                .doesNotContain(knee.getAttribute("stroke-dasharray"));
        assertThat(knee.getAttribute("stroke")).isNotEqualTo(
                byClass(reports.svg("line"), "lowest-failed").getAttribute("stroke"));
        // The legend's sample of the knee is drawn as the knee is.
        assertThat(reports.svg("line")).anySatisfy(sample -> {
            assertThat(sample.getAttribute("class")).isEmpty();
            assertThat(sample.getAttribute("stroke")).isEqualTo(knee.getAttribute("stroke"));
            assertThat(sample.getAttribute("stroke-dasharray")).isEqualTo(knee.getAttribute("stroke-dasharray"));
        });
    }

    @Test
    void theMarkdownTableListsEveryStepByLoadWithTheKneeAndTheLowestFailedNamed(@TempDir Path dir)
            throws Exception {
        Reports.write(run(found(), MetricValue.of("capacity_load", 100, "req/s")), dir);
        String markdown = new WrittenReports(dir).markdown;

        assertThat(markdown).contains("| Load req/s | Step | Verdict | Rounds met | Achieved req/s | p50 ms | p99 ms |"
                + " Errors % | Missed |");
        assertThat(markdown).containsSubsequence("| 20 | 1 | **pass** | 2 of 2 |", "| 80 | 3 |",
                "| 100 | 6 | **pass (knee)** | 2 of 2 | 100 | 4 | 30 | 0.5 | - |",
                "| 110 | 7 | **fail (lowest failed)** | 1 of 2 | 105 | 9 | 73.2 | 2 | p99\\_ms \\<= 50 (was 73.2) |",
                "| 120 | 5 | **fail** |", "| 160 | 4 |");
        assertThat(markdown).contains("capacity 100 req/s (rate): 100 req/s (rate) passed in all its 2 rounds");
    }

    @Test
    void aGeneratorLimitIsAWarningWithHollowMarkersAndNoKnee(@TempDir Path dir) throws Exception {
        CapacityCurve curve = new CapacityCurve("rate", "req/s", List.of("error_pct <= 5"), 5, 60,
                CapacityCurve.GENERATOR_LIMIT, null, null, "generator limit, not the server's capacity: at 200000"
                        + " req/s (rate) the generator could not offer the load (it sent 31000 req/s)",
                List.of(step(1, 200_000, CapacityStep.GENERATOR_LIMIT, 900, 2000, 0),
                        step(2, 200_000, CapacityStep.GENERATOR_LIMIT, 950, 2100, 0)));
        Reports.write(run(curve), dir);
        WrittenReports reports = new WrittenReports(dir);

        assertThat(reports.svg("polygon").stream().filter(c -> c.getAttribute("class")
                .equals("step-generator-limit"))).hasSize(2 * 4);
        assertThat(reports.svg("line").stream().map(l -> l.getAttribute("class"))).doesNotContain("knee",
                "lowest-failed");
        // No line through a generator's numbers: they are not the server's.
        assertThat(reports.svg("polyline").stream().map(l -> l.getAttribute("class"))).doesNotContain("p99");
        assertThat(reports.markdown).contains("> Capacity search over `rate` (req/s), SLO"
                + " `error_pct <= 5`: generator limit, not the server's capacity");
        assertThat(reports.markdown).contains("| 200000 | 1 | **generator-limit** | 1 of 2 |");
    }

    private static Element byClass(List<Element> elements, String cssClass) {
        return elements.stream().filter(e -> e.getAttribute("class").equals(cssClass)).findFirst().orElseThrow();
    }
}
