package io.clusterbench.report;

import static io.clusterbench.report.WrittenReports.XHTML;
import static io.clusterbench.report.WrittenReports.children;
import static io.clusterbench.report.WrittenReports.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.bench.Benchmark;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.RedisRefusals;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The reports of a real run: a benchmark against the test kit's Redis and nginx and a password-protected Redis,
 * a real redis-config tuning on that Redis (one action applied, one refused, so one is rolled back), and a score
 * and comparison built by hand from the measured values (the scorer is not this package's business).
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    private static final String SECRET_VARIABLE = "CB_REPORT_TEST_PASSWORD";
    private static final String SECRET = "planted-" + UUID.randomUUID().toString().replace("-", "");
    private static final String FAIL_MARKER = "web p99 breaks the 0.001 ms bound (fail-marker-7731)";
    private static final String WARN_MARKER = "ops dropped against the baseline (warn-marker-2208)";

    private Path base;
    private Path serverDir;
    private LocalRedis secured;
    private RunResult result;
    private Path reportDir;
    private WrittenReports reports;

    @BeforeAll
    void runABenchmarkAndATuningAndWriteTheReports(LocalRedis cache, LocalNginxBalancer nginx) throws Exception {
        base = Files.createTempDirectory("clusterbench-report-test-");
        // The secured server's own folder holds its password in redis.conf, so it lives outside what is searched.
        serverDir = Files.createTempDirectory("clusterbench-report-redis-");
        secured = LocalRedis.start(serverDir, SECRET);
        SecretResolver secrets = new DefaultSecretResolver(Map.of(SECRET_VARIABLE, SECRET)::get);
        String spec = """
                cluster: report-test
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                  secured: { type: redis, address: 127.0.0.1, port: %d, password: "${env:%s}" }
                  web: { type: http, url: "%s/health" }
                probes:
                  cache-latency: { service: cache, clients: 4, requests: 3000, commands: [get, set] }
                  secured-latency: { service: secured, clients: 2, requests: 1000 }
                  web-latency: { service: web, concurrency: 2, requests: 300 }
                tuning:
                  - { id: secured-timeout, redis-config: secured, set: { timeout: 300 } }
                  - { id: secured-maxclients, redis-config: secured, set: { maxclients: %s } }
                """.formatted(cache.port(), secured.port(), SECRET_VARIABLE, nginx.url(),
                RedisRefusals.maxclientsAboveFileLimit(secured.pid()));
        Files.writeString(base.resolve("cluster.yaml"), spec);
        LoadedSpec loaded = SpecLoader.load("cluster.yaml", spec, base, secrets);

        RunResult measured = new Benchmark(ProbeRegistry.standard(), secrets, Clock.systemUTC())
                .run(loaded, "cluster.yaml", BenchmarkOptions.into(base.resolve("bench")), BenchmarkListener.SILENT,
                        new StopSignal());
        RunResult tuned = new Tuning(ActionRegistry.standard(), secrets, Clock.systemUTC())
                .apply(loaded, "cluster.yaml", base.resolve("tune"), true, TuningListener.SILENT, () -> false);

        result = measured.withTuning(tuned.changes(), tuned.evidence())
                .withScore(HandMadeJudgement.score(measured, FAIL_MARKER, WARN_MARKER))
                .withComparison(HandMadeJudgement.comparison(measured));
        reportDir = base.resolve("reports");
        List<Path> written = Reports.write(result, reportDir);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(Reports.MARKDOWN_FILE,
                Reports.HTML_FILE, Reports.JUNIT_FILE, Reports.CSS_FILE);
        reports = new WrittenReports(reportDir);
    }

    @AfterAll
    void stopTheSecuredRedis() throws Exception {
        if (secured != null) {
            secured.close();
        }
        for (Path dir : new Path[] {base, serverDir}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void writesEveryReportEvenWhileTheWritingThreadIsInterrupted() throws Exception {
        Path dir = base.resolve("interrupted");
        // How Jenkins stops a step; a writer on a file channel would close on it and lose the stopped run's reports.
        Thread.currentThread().interrupt();
        List<Path> written;
        boolean stillInterrupted;
        try {
            written = Reports.write(result, dir);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(stillInterrupted).as("the flag is left for the caller").isTrue();
        assertThat(written).hasSize(4).allSatisfy(file -> assertThat(file).isNotEmptyFile());
        assertThat(Files.readString(dir.resolve(Reports.HTML_FILE)))
                .isEqualTo(Files.readString(reportDir.resolve(Reports.HTML_FILE)));
    }

    @Test
    void theRunReallyMeasuredAndTunedWhatTheReportsDescribe() {
        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.OK, ProbeStatus.OK, ProbeStatus.OK);
        assertThat(result.changes()).extracting(ChangeOutcome::status).contains(ChangeStatus.FAILED);
        assertThat(result.evidence()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void putsTheVerdictAndScoreAtTheTop() {
        List<String> firstLines = reports.markdown.lines().limit(4).toList();
        assertThat(firstLines.get(0)).isEqualTo("# Cluster Bench audit report: report-test");
        assertThat(String.join("\n", firstLines)).contains("Verdict: **FAIL**. Score: **50.0** of 100 (pass at 90");
        assertThat(reports.markdown.indexOf("Verdict:")).isLessThan(reports.markdown.indexOf("## Cluster and"));

        Element banner = reports.html("p").get(0);
        assertThat(banner.getAttribute("class")).isEqualTo("banner tone-bad");
        assertThat(banner.getTextContent()).startsWith("Verdict: FAIL. Score: 50.0 of 100");
    }

    @Test
    void describesTheEnvironmentOfTheRun() {
        List<List<String>> rows = rows(reports.table("Where and when"));
        assertThat(rows).contains(List.of("Run id", result.runId()), List.of("Spec file", "cluster.yaml"),
                List.of("Spec SHA-256", result.specSha256()), List.of("Java", result.tool().javaVersion()),
                List.of("Hostname", result.tool().hostname()), List.of("Started", result.startedAt().toString()),
                List.of("Hosts without host-key check", "none"));
    }

    @Test
    void listsEveryMetricOfEveryProbeWithItsValueAndUnit() {
        for (ProbeMeasurement probe : result.probes()) {
            List<List<String>> rows = rows(reports.table("Metrics of " + probe.probe() + " "));
            assertThat(rows).hasSize(probe.metrics().size());
            for (MetricValue metric : probe.metrics()) {
                String name = probe.probe() + "." + metric.name();
                String value = Numbers.format(metric.value());
                assertThat(rows).contains(List.of(name, value, metric.unit(), ""));
                assertThat(reports.markdown)
                        .contains("| `" + name + "` | " + value + " | " + MarkdownReport.text(metric.unit(), true) + " |");
            }
        }
    }

    @Test
    void showsTheRedisProbesP99InTheMetricsAndThePercentileTable() {
        double p99 = metric("cache-latency", "p99_ms");
        assertThat(reports.markdown).contains("| `cache-latency.p99_ms` | " + Numbers.format(p99) + " | ms |");

        LatencyHistogram all = probe("cache-latency").latencies().stream().filter(h -> h.name().equals("all"))
                .findFirst().orElseThrow();
        assertThat(all.unit()).isEqualTo("us");
        List<List<String>> percentiles = rows(reports.table("Latency of cache-latency in ms"));
        List<String> allRow = percentiles.stream().filter(r -> r.get(0).equals("all")).findFirst().orElseThrow();
        // Columns: histogram, count, min, p50, p90, p99, ...
        assertThat(allRow.get(1)).isEqualTo(String.valueOf(all.count()));
        assertThat(allRow.get(5)).isEqualTo(Numbers.format(all.p99() / 1000));
        assertThat(allRow.get(5)).isEqualTo(Numbers.format(p99));
    }

    @Test
    void drawsOnePercentileCurvePerHistogramRisingWithThePercentile() {
        // Timeline charts are figures of class "timeline"; the percentile charts are the others.
        List<Element> charts = reports.svg("svg").stream()
                .filter(svg -> !((Element) svg.getParentNode()).getAttribute("class").equals("timeline")).toList();
        assertThat(reports.svg("svg").size() - charts.size())
                .isEqualTo(result.probes().stream().filter(p -> p.timeline() != null).count());
        List<ProbeMeasurement> withLatencies = result.probes().stream().filter(p -> !p.latencies().isEmpty()).toList();
        assertThat(charts).hasSize(withLatencies.size());
        for (int i = 0; i < charts.size(); i++) {
            List<Element> curves = children(charts.get(i), WrittenReports.SVG, "polyline");
            assertThat(curves).extracting(c -> c.getElementsByTagNameNS(WrittenReports.SVG, "title").item(0)
                    .getTextContent()).containsExactlyElementsOf(withLatencies.get(i).latencies().stream()
                    .map(LatencyHistogram::name).toList());
            for (Element curve : curves) {
                List<double[]> points = Stream.of(curve.getAttribute("points").split(" "))
                        .map(p -> p.split(",")).map(p -> new double[] {Double.parseDouble(p[0]),
                                Double.parseDouble(p[1])}).toList();
                assertThat(points).hasSize(81);
                for (int k = 1; k < points.size(); k++) {
                    assertThat(points.get(k)[0]).isGreaterThan(points.get(k - 1)[0]);
                    // SVG's y grows downwards: a higher latency is a smaller y.
                    assertThat(points.get(k)[1]).isLessThanOrEqualTo(points.get(k - 1)[1]);
                }
                assertThat(points.get(points.size() - 1)[1]).isLessThan(points.get(0)[1]);
                assertThat(curve.hasAttribute("style")).isFalse();
                assertThat(curve.getAttribute("stroke")).startsWith("#");
            }
        }
    }

    @Test
    void listsWhatNeedsAttentionRightAfterTheVerdictFailuresFirst() {
        String findings = reports.section("attention");
        assertThat(findings).contains(FAIL_MARKER).contains(WARN_MARKER)
                .contains("Objective secured-latency.p99_ms (pass <= +10%) is INCONCLUSIVE")
                .containsPattern("\\d+ failures? and \\d+ warnings?, failures first")
                .contains("Metric web-latency.p99_ms got worse with the tuning: +")
                .contains("watched by a key objective");
        for (ChangeOutcome change : result.changes()) {
            if (change.status() == ChangeStatus.FAILED || change.status() == ChangeStatus.ROLLED_BACK) {
                assertThat(findings).contains("Tuning action " + change.action()).contains(change.message());
            }
        }
        assertThat(findings).doesNotContain("Objective cache-latency.p99_ms");
        assertThat(findings.indexOf(FAIL_MARKER)).isLessThan(findings.indexOf(WARN_MARKER));
        assertThat(reports.markdown).contains("- **FAILURE** Objective `web-latency.p99_ms`");
        assertThat(reports.markdown.indexOf("## Needs attention")).isGreaterThan(reports.markdown.indexOf("Verdict:"))
                .isLessThan(reports.markdown.indexOf("## Effect of the tuning"));
    }

    @Test
    void writesEveryChangeAndEveryEvidenceStep() {
        List<List<String>> changes = rows(reports.table("How each tuning action ended"));
        assertThat(changes).hasSize(result.changes().size());
        for (int i = 0; i < changes.size(); i++) {
            ChangeOutcome change = result.changes().get(i);
            assertThat(changes.get(i).get(0)).isEqualTo(change.action());
            assertThat(changes.get(i).get(3)).isEqualTo(change.status().name());
            assertThat(changes.get(i).get(5)).isEqualTo(change.verified() ? "yes" : "no");
        }
        List<List<String>> steps = rows(reports.table("Every tuning step"));
        assertThat(steps).hasSize(result.evidence().size());
        for (int i = 0; i < steps.size(); i++) {
            Evidence step = result.evidence().get(i);
            assertThat(steps.get(i)).startsWith(String.valueOf(step.seq()), step.at().toString(), step.action(),
                    step.step().word());
            assertThat(steps.get(i).get(9)).isEqualTo(step.message());
        }
        assertThat(steps).extracting(r -> r.get(3)).contains("applying", "applied", "failed");
        assertThat(changes.get(0).get(4)).contains("timeout: 0 -> ");
    }

    @Test
    void showsEachObjectiveWithItsNumbers() {
        List<List<String>> rows = rows(reports.table("Each objective"));
        assertThat(rows).hasSize(4);
        List<String> warning = rows.get(2);
        double ops = metric("cache-latency", "ops_per_s");
        assertThat(warning.get(0)).isEqualTo("cache-latency.ops_per_s");
        assertThat(warning.get(1)).isEqualTo("pass >= -10%; warning >= -50%");
        assertThat(warning.get(4)).isEqualTo(Numbers.format(ops) + " ops/s");
        assertThat(warning.get(6)).isEqualTo(Numbers.format(ops * 1.25) + " ops/s from 3 runs: r1, r2, r3");
        assertThat(warning.get(7)).isEqualTo("mann-whitney-u, p = 0.0031");
        assertThat(warning.get(8)).isEqualTo("WARNING");
        assertThat(warning.get(10)).isEqualTo("16.7");
        assertThat(reports.section("objectives")).contains("add up to 50.0 points; the score is 50.0 of 100");
    }

    @Test
    void showsTheEffectTableRightAfterTheVerdictWithIntervalsAndVerdicts() {
        List<List<String>> rows = rows(reports.table("Rounds before tuning (A, run 20260101T000000Z-abcdef)"));
        assertThat(rows).hasSize(2);
        double p99 = metric("cache-latency", "p99_ms");
        assertThat(rows.get(0).get(0)).isEqualTo("cache-latency.p99_ms");
        assertThat(rows.get(0).get(1)).isEqualTo(Numbers.withUnit(p99 * 2, "ms") + " (" + Numbers.format(p99 * 1.9)
                + "-" + Numbers.format(p99 * 2.1) + ", 5 rounds)");
        assertThat(rows.get(0).get(3)).endsWith("(-50% [-55%, -45%])");
        assertThat(rows.get(0).get(4)).isEqualTo("improved");
        assertThat(rows.get(1).get(3)).endsWith("(+100% [+80%, +120%])");
        assertThat(rows.get(1).subList(4, 6)).containsExactly("worse", "yes");
        assertThat(reports.section("comparison")).contains("Design: alternating (ABBAABBAAB), 5 rounds per condition");
        // Right after the verdict: before the measurements.
        assertThat(reports.markdown.indexOf("Effect of the tuning")).isLessThan(reports.markdown.indexOf("## Measure"));
    }

    @Test
    void ordersTheSectionsForAReaderInAHurryInBothFormats() {
        List<String> order = List.of("attention", "comparison", "objectives", "measurements", "changes",
                "environment", "evidence");
        assertThat(reports.html("h2")).extracting(h -> h.getAttribute("id")).containsExactlyElementsOf(order);
        List<String> headings = reports.markdown.lines().filter(line -> line.startsWith("## ")).toList();
        assertThat(headings).containsExactly("## Needs attention", "## Effect of the tuning", "## Objectives",
                "## Measurements", "## Changes", "## Cluster and environment", "## Evidence log");
    }

    @Test
    void showsAShortHeadlineTablePerProbeAndFoldsTheFullMetricTable() {
        for (ProbeMeasurement probe : result.probes()) {
            List<List<String>> headline = rows(reports.table("Headline numbers of " + probe.probe() + ":"));
            assertThat(headline).hasSizeBetween(Headline.LEAST, Headline.MOST);
            assertThat(probe.metrics().size()).isGreaterThan(headline.size());
            Element full = reports.table("Metrics of " + probe.probe() + " ");
            assertThat(full.getParentNode().getParentNode().getLocalName()).isEqualTo("details");
        }
        // An objective's metric heads its probe's table, with the objective's status beside it.
        List<List<String>> cache = rows(reports.table("Headline numbers of cache-latency:"));
        assertThat(cache.get(0)).containsExactly("cache-latency.p99_ms",
                Numbers.withUnit(metric("cache-latency", "p99_ms"), "ms"), "PASS (pass <= 1000)");
        assertThat(cache).extracting(row -> row.get(0)).contains("cache-latency.ops_per_s", "cache-latency.p50_ms");
        assertThat(reports.markdown).contains("<details><summary>All ");
    }

    @Test
    void putsEveryTableInABoxThatScrollsSidewaysInsteadOfThePage() throws Exception {
        assertThat(reports.html("table")).isNotEmpty().allSatisfy(table -> {
            Element box = (Element) table.getParentNode();
            assertThat(box.getLocalName()).isEqualTo("div");
            assertThat(box.getAttribute("class")).isEqualTo("table-scroll");
        });
        assertThat(Files.readString(reportDir.resolve(Reports.CSS_FILE)))
                .containsPattern("\\.table-scroll \\{[^}]*overflow-x: auto");
    }

    @Test
    void keepsTheHtmlInsideJenkinsContentSecurityPolicy() throws Exception {
        String lower = reports.html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("style=").doesNotContain("<style")
                .doesNotContain("javascript:");
        List<String> references = new ArrayList<>();
        for (Node node : allElements(reports.htmlDom.getDocumentElement())) {
            Element element = (Element) node;
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                String name = element.getAttributes().item(i).getNodeName().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as("event handlers and inline styles are blocked by the CSP")
                        .doesNotStartWith("on").isNotEqualTo("style");
            }
            for (String attribute : List.of("href", "src", "xlink:href", "action", "srcset")) {
                if (element.hasAttribute(attribute)) {
                    references.add(element.getAttribute(attribute));
                }
            }
        }
        assertThat(references).contains(Reports.CSS_FILE).allSatisfy(ref ->
                assertThat(ref.equals(Reports.CSS_FILE) || ref.startsWith("#")).as(ref).isTrue());
        Element link = reports.html("link").get(0);
        assertThat(link.getAttribute("rel")).isEqualTo("stylesheet");
        assertThat(Files.readAllBytes(reportDir.resolve(Reports.CSS_FILE))).isEqualTo(Reports.css()).isNotEmpty();
        // Readable without CSS: tables carry their own borders.
        assertThat(reports.html("table")).allSatisfy(t -> assertThat(t.getAttribute("border")).isEqualTo("1"));
    }

    @Test
    void writesOneJunitTestCasePerObjectiveWithCorrectCounts() {
        Element suite = (Element) reports.junitDom.getElementsByTagName("testsuite").item(0);
        // 4 objectives, 2 effects and 2 tuning actions (secured-maxclients FAILED, secured-timeout ROLLED_BACK): the
        // server refuses maxclients above its file limit at CONFIG SET, which no preflight can know, so the first
        // action is applied and then rolled back.
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        List<Element> all = WrittenReports.elements(reports.junitDom.getElementsByTagName("testcase"));
        List<Element> effects = all.stream().filter(c -> c.getAttribute("classname").equals("report-test.effect"))
                .toList();
        assertThat(effects).extracting(c -> c.getAttribute("name")).containsExactly(
                "effect: cache-latency.p99_ms improved", "effect: web-latency.p99_ms worse");
        List<Element> tuning = all.stream().filter(c -> c.getAttribute("classname").equals("report-test.tuning"))
                .toList();
        assertThat(tuning).extracting(c -> c.getAttribute("name")).containsExactly(
                "secured-timeout (redis-config) ROLLED_BACK", "secured-maxclients (redis-config) FAILED");
        assertThat(tuning.get(0).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        Element failedAction = (Element) tuning.get(1).getElementsByTagName("failure").item(0);
        assertThat(failedAction.getAttribute("type")).isEqualTo("clusterbench.tuning.FAILED");
        assertThat(failedAction.getTextContent()).contains("verified no").contains("maxclients");
        List<Element> cases = all.stream().filter(c -> !effects.contains(c) && !tuning.contains(c)).toList();
        assertThat(cases).hasSize(4).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("report-test"));
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                "cache-latency.p99_ms <= 1000", "web-latency.p99_ms <= 0.001 (warning <= 0.002)",
                "cache-latency.ops_per_s >= -10% (warning >= -50%)", "secured-latency.p99_ms <= +10%");
        Element failure = (Element) cases.get(1).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(FAIL_MARKER);
        assertThat(reports.junitDom.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(cases.get(3).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(cases.get(2).getElementsByTagName("failure").getLength()).isZero();
        assertThat(cases.get(2).getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARNING: status WARNING").contains(WARN_MARKER);
    }

    @Test
    void neverWritesTheSecretIntoAnyArtifact() throws Exception {
        assertThat(probe("secured-latency").status()).as("the secret was really used to log in")
                .isEqualTo(ProbeStatus.OK);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("audit-report.md", "audit-report.html", "junit.xml", "report.css", "result.json",
                        "evidence.jsonl");
        for (Path file : files) {
            if (file.getFileName().toString().equals("cluster.yaml")) {
                continue;
            }
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(SECRET);
        }
    }

    private static List<Node> allElements(Node root) {
        List<Node> all = new ArrayList<>();
        all.add(root);
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                all.addAll(allElements(child));
            }
        }
        return all;
    }

    private ProbeMeasurement probe(String id) {
        return result.probes().stream().filter(p -> p.probe().equals(id)).findFirst().orElseThrow();
    }

    private double metric(String probe, String name) {
        return HandMadeJudgement.metricIn(result, probe, name);
    }
}
