package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
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
 * Reports of hand-made results with hostile text, no score and insecure hosts: what a real run rarely produces but
 * a report must survive (markup in names and messages, pipes, backticks, control characters).
 */
class ReportEscapingTest {

    private static final String CLUSTER = "evil|<script>alert(1)</script>&\"'`";
    private static final String MESSAGE = "refused: `a|b` *not bold* <img src=x onerror=alert(1)>\u0001\nnext line";
    private static final Instant START = Instant.parse("2026-11-29T15:30:00Z");

    @Test
    void escapesHostileTextInEveryFormatAndStaysWellFormed(@TempDir Path out) throws Exception {
        Reports.write(hostile(), out);
        WrittenReports reports = new WrittenReports(out);

        assertThat(reports.html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script").doesNotContain("<img");
        assertThat(reports.html("h1").get(0).getTextContent()).isEqualTo("Cluster Bench audit report: " + CLUSTER);
        assertThat(reports.section("attention")).contains("refused: `a|b` *not bold* <img src=x onerror=alert(1)>"
                + "\uFFFD next line".replace(" next", "\nnext"));

        // The report's own folds are raw HTML that GitHub renders; everything from the run inside them is escaped.
        String outsideCode = outsideCodeSpans(reports.markdown).replace("<details><summary>", "")
                .replace("</summary>", "").replace("</details>", "");
        // A '>' opening a line is the report's own block quote (its banners); any other must be escaped.
        assertThat(outsideCode).doesNotContainPattern("(?m)(?<!\\\\)(?<!^)[<>]");
        for (List<String> table : markdownTables(reports.markdown)) {
            long columns = unescapedPipes(table.get(0));
            assertThat(table).allSatisfy(line -> assertThat(unescapedPipes(line)).as(line).isEqualTo(columns));
        }
        assertThat(reports.junitDom.getDocumentElement().getNodeName()).isEqualTo("testsuites");
    }

    @Test
    void saysWhichCommandScoresWhenTheRunHasNoScore(@TempDir Path out) throws Exception {
        Reports.write(hostile(), out);
        WrittenReports reports = new WrittenReports(out);

        assertThat(reports.markdown.lines().limit(4)).anySatisfy(line -> assertThat(line)
                .startsWith("> Verdict: **not scored**").contains("`" + AuditReport.SCORE_COMMAND + "`"));
        assertThat(reports.section("objectives")).contains("Not scored: 0 objectives judged.");
    }

    @Test
    void flagsHostsReachedWithoutHostKeyCheckAtTheTop(@TempDir Path out) throws Exception {
        Reports.write(hostile(), out);
        WrittenReports reports = new WrittenReports(out);

        Element banner = reports.html("p").get(1);
        assertThat(banner.getAttribute("class")).isEqualTo("banner tone-bad");
        assertThat(banner.getTextContent()).startsWith("Host key not checked for 2 hosts: sark, clu.");
        assertThat(reports.section("attention")).contains("Host key not checked (insecureAcceptAnyHostKey) for 2 hosts");
    }

    @Test
    void writesOneJunitCasePerProbeWhenTheRunHasNoScore(@TempDir Path out) throws Exception {
        Reports.write(hostile(), out);
        WrittenReports reports = new WrittenReports(out);

        Element suite = (Element) reports.junitDom.getElementsByTagName("testsuite").item(0);
        // Three probes and the FAILED tuning action "cfg", a failure too.
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        List<Element> all = WrittenReports.elements(reports.junitDom.getElementsByTagName("testcase"));
        assertThat(all.get(3).getAttribute("classname")).isEqualTo(CLUSTER + ".tuning");
        assertThat(all.get(3).getAttribute("name")).isEqualTo("cfg (redis-config) FAILED");
        List<Element> cases = all.subList(0, 3);
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly(CLUSTER + ".probes");
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("p|1 (http)", "fine (redis)", "later (host)");
        Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("refused: `a|b`").contains("\uFFFD");
        assertThat(cases.get(2).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void writesAnEmptyJunitSuiteForAnUnscoredRunWithoutProbes(@TempDir Path out) throws Exception {
        RunResult empty = new RunResult(1, "run-0", "empty", "cluster.yaml", "00", tool(), START, START, List.of(),
                List.of());
        Reports.write(empty, out);
        WrittenReports reports = new WrittenReports(out);

        Element suite = (Element) reports.junitDom.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(reports.junitDom.getElementsByTagName("testcase").getLength()).isZero();
        assertThat(reports.section("measurements")).contains("This run measured nothing: 0 probes.");
        assertThat(reports.section("attention")).contains("0 failures and 0 warnings");
    }

    @Test
    void listsEveryProbeThatDidNotFinishWithItsFirstErrorAndEveryErrorInItsSection(@TempDir Path out)
            throws Exception {
        Reports.write(hostile(), out);
        WrittenReports reports = new WrittenReports(out);

        assertThat(reports.section("attention"))
                .contains("Probe p|1 ended FAILED with 4 errors of 2 kinds; first: unreachable x 3, first at "
                        + "2026-11-29T15:30:01Z")
                .contains("Probe later ended SKIPPED with 1 error of 1 kind; first: skipped x 1")
                .contains("Tuning action cfg on redis://h:1 ended FAILED (verified: no): boom </td> here")
                .doesNotContain("Probe fine");
        assertThat(WrittenReports.rows(reports.table("Errors of p|1"))).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("unreachable", "3"), List.of("timeout", "1"));
    }

    private static List<List<String>> markdownTables(String markdown) {
        List<List<String>> tables = new java.util.ArrayList<>();
        List<String> current = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new java.util.ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }

    /** The Markdown without its code spans, read as CommonMark does: a backslash-escaped backtick opens none. */
    private static String outsideCodeSpans(String markdown) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length()) {
                out.append(c).append(markdown.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = 0;
                while (i + run < markdown.length() && markdown.charAt(i + run) == '`') {
                    run++;
                }
                String fence = "`".repeat(run);
                int close = markdown.indexOf(fence, i + run);
                assertThat(close).as("unclosed code span at " + i).isPositive();
                i = close + run;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static long unescapedPipes(String line) {
        long count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }

    private static ToolInfo tool() {
        return new ToolInfo("clusterbench", "1.0<b>", "17", "host&name", "Linux amd64");
    }

    private static RunResult hostile() {
        ProbeMeasurement failed = new ProbeMeasurement("p|1", "http", "http://x/<img src=x onerror=alert(1)>",
                ProbeStatus.FAILED, START, START.plusSeconds(2), List.of(), List.of(), List.of(
                        new ProbeError(ErrorKind.UNREACHABLE, MESSAGE, 3, START.plusSeconds(1)),
                        new ProbeError(ErrorKind.TIMEOUT, "no answer in 5 s", 1, START.plusSeconds(2))));
        ProbeMeasurement fine = new ProbeMeasurement("fine", "redis", "redis://127.0.0.1:6379/0", ProbeStatus.OK,
                START, START.plusSeconds(1), List.of(new MetricValue("m|x", 1.5, "ms", Map.of("gpu", "0|1"))),
                List.of(), List.of());
        ProbeMeasurement skipped = new ProbeMeasurement("later", "host", "-", ProbeStatus.SKIPPED, START, START,
                List.of(), List.of(), List.of(new ProbeError(ErrorKind.SKIPPED,
                        "not started: the run was stopped first", 1,
                        START)));
        ChangeOutcome change = new ChangeOutcome("cfg", "redis-config", "redis://h:1", ChangeStatus.FAILED,
                Map.of("timeout", "0|1"), Map.of("timeout", "<300>"), Map.of(), false, "boom </td> here");
        return new RunResult(1, "run-1", CLUSTER, "cluster|.yaml", "ab|cd", tool(), START, START.plusSeconds(3),
                List.of("sark", "clu"), List.of(failed, fine, skipped), List.of(change), List.of(), null, null);
    }
}
