package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A result of more probes than a report shows in full: the failed probes get their sections first, every failure
 * stays listed, and one paragraph counts the probes left to result.json.
 */
class LargeResultReportTest {

    private static final Instant START = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void showsTheFailedProbesInFullFirstAndCountsTheProbesLeftToResultJson() {
        RunResult run = run(250, 180, 240);

        String markdown = Reports.render(new MarkdownReport(), run);

        assertThat(markdown).contains("### Probe p180 (redis)", "### Probe p240 (redis)", "### Probe p0 (redis)",
                "### Probe p97 (redis)");
        assertThat(markdown).doesNotContain("### Probe p98 (redis)", "### Probe p249 (redis)");
        assertThat(markdown).contains("Not shown here: 150 probes (150 OK). A report shows at most 100 probes in"
                + " full, those that did not end OK first; the metrics, histograms and errors of every probe are in"
                + " result.json");
        assertThat(markdown).contains(
                "Probe `p180` ended **FAILED** with 3 errors of 1 kind; first: `unreachable` x 3",
                "Probe `p240` ended **FAILED** with 3 errors of 1 kind; first: `unreachable` x 3");
        assertThat(Reports.render(new HtmlReport(), run)).contains("Not shown here: 150 probes (150 OK).")
                .contains("id=\"probe-p240\"").doesNotContain("id=\"probe-p249\"");
    }

    @Test
    void keepsEveryProbeWhenThereAreNoMoreThanTheLimit() {
        MeasurementSections.Shown shown = MeasurementSections.Shown.of(run(100, 99).probes());

        assertThat(shown.detailed()).hasSize(100);
        assertThat(shown.rest()).isEmpty();
        assertThat(Reports.render(new MarkdownReport(), run(100, 99))).doesNotContain("Not shown here");
    }

    @Test
    void showsOnlyTheFirstHundredFailedProbesWhenMoreFailedAndListsEveryFailure() {
        RunResult run = run(130, java.util.stream.IntStream.range(0, 130).toArray());

        MeasurementSections.Shown shown = MeasurementSections.Shown.of(run.probes());
        String markdown = Reports.render(new MarkdownReport(), run);

        assertThat(shown.detailed()).extracting(ProbeMeasurement::probe).first().isEqualTo("p0");
        assertThat(shown.detailed()).extracting(ProbeMeasurement::probe).last().isEqualTo("p99");
        assertThat(markdown).contains("Not shown here: 30 probes (30 FAILED).");
        assertThat(markdown).contains("Probe `p129` ended **FAILED** with 3 errors of 1 kind; first: `unreachable` x 3");
    }

    /** {@code count} probes p0, p1, ... each with ten metrics and a histogram; those in {@code failed} FAILED. */
    static RunResult run(int count, int... failed) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int us = 100; us < 5_000; us += 7) {
            histogram.recordValue(us);
        }
        LatencyHistogram latency = LatencyHistogram.of("get", "us", histogram);
        List<ProbeMeasurement> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            boolean failure = java.util.Arrays.stream(failed).anyMatch(f -> f == index);
            List<MetricValue> metrics = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                metrics.add(MetricValue.of("metric" + m, i + m, "ms"));
            }
            probes.add(new ProbeMeasurement("p" + i, "redis", "redis://127.0.0.1:6379",
                    failure ? ProbeStatus.FAILED : ProbeStatus.OK, START, START.plusSeconds(1),
                    failure ? List.of() : metrics, failure ? List.of() : List.of(latency),
                    failure ? List.of(new ProbeError(ErrorKind.UNREACHABLE, "connection refused", 3, START))
                            : List.of()));
        }
        return new RunResult(RunResult.SCHEMA_VERSION, "large", "large", "cluster.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "dev", "17", "h", "Linux"), START, START.plusSeconds(60), List.of(),
                probes);
    }
}
