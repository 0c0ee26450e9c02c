package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** How the reports show a tuning the preflight refused and an optional action that failed. */
class PreflightReportTest {

    private static final Instant START = Instant.parse("2026-11-29T15:30:00Z");
    private static final String HZ = "hz must be a whole number from 1 to 500 (Redis clamps hz to 1..500), got 1000";

    @Test
    void aRefusedTuningNamesTheActionKnownToFailAsTheOneJunitFailure(@TempDir Path out) throws Exception {
        RunResult refused = run(
                change("keepalive", ChangeStatus.NOT_STARTED, "not started: the preflight found that action 'bad-hz'"
                        + " would fail; nothing was applied", false, ""),
                change("bad-hz", ChangeStatus.NOT_STARTED, "not started: the preflight found that this action would"
                        + " fail: " + HZ + "; nothing was applied", false, HZ));

        Reports.write(refused, out);
        WrittenReports reports = new WrittenReports(out);

        assertThat(reports.section("changes")).contains("found 1 required action(s) known to fail, so nothing was"
                + " applied: 'bad-hz': " + HZ);
        List<Element> cases = WrittenReports.elements(reports.junitDom.getElementsByTagName("testcase"));
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("keepalive (redis-config) NOT_STARTED", "bad-hz (redis-config) NOT_STARTED");
        assertThat(cases.get(0).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        Element failure = (Element) cases.get(1).getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("known to fail: " + HZ);
        assertThat(reports.section("attention")).contains("FAILURE").contains("Tuning action bad-hz");
    }

    @Test
    void anOptionalActionThatFailedIsAWarningAndASkippedCase(@TempDir Path out) throws Exception {
        RunResult tuned = run(
                change("keepalive", ChangeStatus.APPLIED, "CONFIG SET read back", false, ""),
                change("prune", ChangeStatus.FAILED, "'docker' exited 1; optional: this failure neither fails the"
                        + " tuning nor rolls back the other actions", true, ""));

        Reports.write(tuned, out);
        WrittenReports reports = new WrittenReports(out);

        assertThat(reports.section("changes")).contains("FAILED (optional)").doesNotContain("known to fail");
        assertThat(reports.section("attention")).contains("WARNING").contains("Optional tuning action prune")
                .doesNotContain("FAILURE");
        List<Element> cases = WrittenReports.elements(reports.junitDom.getElementsByTagName("testcase"));
        assertThat(cases.get(1).getAttribute("name")).isEqualTo("prune (redis-config) FAILED optional");
        assertThat(cases.get(1).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(reports.junitDom.getElementsByTagName("failure").getLength()).isZero();
    }

    private static ChangeOutcome change(String action, ChangeStatus status, String message, boolean optional,
            String knownToFail) {
        return new ChangeOutcome(action, "redis-config", "redis://127.0.0.1:6379", status, Map.of(), Map.of(),
                Map.of(), status == ChangeStatus.APPLIED, message, optional, knownToFail);
    }

    private static RunResult run(ChangeOutcome... changes) {
        return new RunResult(1, "run-1", "preflight", "cluster.yaml", "00",
                new ToolInfo("clusterbench", "1.0", "17", "host", "Linux amd64"), START, START, List.of(), List.of())
                .withTuning(List.of(changes), List.of());
    }
}
