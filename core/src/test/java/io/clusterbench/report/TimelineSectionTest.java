package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.TimelineFigure;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.ToolInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each load probe's section gets its timeline, and a verified tuning the before/after pair beside it. */
class TimelineSectionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ProbeMeasurement probe(Timeline timeline) {
        return new ProbeMeasurement("web", "http", "http://127.0.0.1:8080/", ProbeStatus.OK, T0, T0.plusSeconds(60),
                List.of(), List.of(), List.of()).withTimeline(timeline);
    }

    private static RunResult result(ProbeMeasurement probe, ChangeStatus change) {
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "20260101T000000Z-web", "local", "cluster.yaml",
                "0".repeat(64), ToolInfo.current(), T0, T0.plusSeconds(60), List.of(), List.of(probe));
        if (change == null) {
            return result;
        }
        return result.withTuning(List.of(new ChangeOutcome("cfg", "redis-config", "redis://127.0.0.1:6379", change,
                        Map.of("timeout", "0"), Map.of("timeout", "300"), Map.of("timeout", "300"), true, "")), List.of())
                .withComparison(new RunComparison("20260101T000000Z-before", RunComparison.ALTERNATING, "ABBA", 2, "",
                        List.of(), List.of(), false, false, ""));
    }

    private static Timeline abba() {
        return Timeline.of(List.of(TimelineChartTest.round(1, "A", 0, -5), TimelineChartTest.round(2, "B", 15, 4),
                TimelineChartTest.round(3, "B", 30, -5), TimelineChartTest.round(4, "A", 45, -5)));
    }

    @Test
    void aVerifiedTuningGetsTheWholeTimelineAndTheBeforeAfterPairOnSharedAxes() {
        ProbeMeasurement probe = probe(abba());

        List<Block> blocks = TimelineSection.of(probe, result(probe, ChangeStatus.APPLIED));

        assertThat(blocks).hasSize(2).allMatch(b -> b instanceof TimelineFigure);
        TimelineFigure whole = (TimelineFigure) blocks.get(0);
        TimelineFigure pair = (TimelineFigure) blocks.get(1);
        assertThat(whole.charts()).singleElement().satisfies(c -> assertThat(c.rounds()).hasSize(4));
        assertThat(pair.charts()).extracting(c -> c.rounds().get(0).condition()).containsExactly("A", "B");
        assertThat(pair.charts()).extracting(TimelineChart::latencyMax).containsExactly(1000.0, 1000.0);
        // The gist per round: round 2 stalled in its second 4 and had its worst p99 in second 5.
        List<String> round2 = whole.summary().rows().get(1).stream().map(TimelineSectionTest::text).toList();
        assertThat(round2).containsExactly("2", "B", "10", "0", "100", "200", "1000", "5", "3");
    }

    @Test
    void withoutAVerifiedTuningOnlyTheWholeTimelineIsShown() {
        ProbeMeasurement probe = probe(abba());

        assertThat(TimelineSection.of(probe, result(probe, ChangeStatus.FAILED))).hasSize(1);
        assertThat(TimelineSection.of(probe, result(probe, null))).hasSize(1);
    }

    @Test
    void aProbeWithoutATimelineGetsNone() {
        ProbeMeasurement probe = probe(null);

        assertThat(TimelineSection.of(probe, result(probe, null))).isEmpty();
    }

    @Test
    void bothReportsShowTheTimeline() {
        ProbeMeasurement probe = probe(abba());
        RunResult result = result(probe, ChangeStatus.APPLIED);

        String html = Reports.render(new HtmlReport(), result);
        String markdown = Reports.render(new MarkdownReport(), result);

        assertThat(html).contains("<figure class=\"timeline\">", "Before tuning: web", "Tuned: web")
                .doesNotContain("style=");
        assertThat(markdown).contains("Timeline of web per round", "| 2 | B | 10 | 0 | 100 | 200 | 1000 | 5 | 3 |",
                "Before and after the tuning, web");
    }

    private static String text(Doc.Cell cell) {
        return cell.parts().stream().map(p -> p instanceof Doc.Text t ? t.text() : "").reduce("", String::concat);
    }
}
