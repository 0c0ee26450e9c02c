package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.local.Binaries;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.testkit.PlantedLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * The demo's audit-report.html and trend.html, from a real run against the test kit, and the report of a real
 * capacity search against the test kit's nginx with a planted request limit, rendered in Debian's chromium and served
 * the way Jenkins serves archived artifacts, under its default Content-Security-Policy: no console error, no CSP
 * violation, no sideways scrolling of the page on a desktop or a phone, the verdict in the first screen, every in-page
 * link leading somewhere, and the capacity chart with its knee marked apart from the series. Screenshots land in
 * {@code target/browser-screenshots/} for a reviewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsInBrowserTest {

    private static final int SCREEN_HEIGHT = 800;
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String AUDIT_REPORT = "run/audit-report.html";
    private static final String TREND = "trend/trend.html";
    /** Beside the demo's folders: a benchmark whose only probe searches the planted capacity. */
    private static final String CAPACITY = "capacity";
    private static final String CAPACITY_REPORT = CAPACITY + "/audit-report.html";
    /** Requests a second the planted nginx answers; the rest get 503. */
    private static final int PLANTED = 100;
    /** A page that breaks the CSP on purpose, so the test knows violation reports reach the server. */
    private static final String CANARY = "browser-check/csp-canary.html";

    private CspFileServer server;
    private HeadlessChromium browser;

    @BeforeAll
    void serveTheDemosReportsAndStartTheBrowser(@TempDir Path nginxDir) throws Exception {
        DemoOutput demo = DemoOutput.get();
        assertThat(demo.run().exitCode()).as(demo.run().out() + demo.run().err()).isEqualTo(ExitCodes.OK);
        searchThePlantedCapacity(nginxDir, demo.dir().resolve(CAPACITY));
        Path canary = demo.dir().resolve(CANARY);
        Files.createDirectories(canary.getParent());
        Files.writeString(canary, "<!DOCTYPE html><html><body><p style=\"color: red\">inline style</p></body></html>");
        Files.createDirectories(SCREENSHOTS);
        server = CspFileServer.serve(demo.dir());
        browser = HeadlessChromium.start(Binaries.system(), 1280, SCREEN_HEIGHT);
    }

    @AfterAll
    void stopTheBrowserAndTheServer() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * Benchmarks a probe that searches the highest rate nginx answers within {@code error_pct <= 5} while nginx
     * refuses what exceeds {@link #PLANTED} a second, so the search passes, fails and bisects. Coarse steps keep it
     * to about ten seconds: the browser needs a knee and a failed load to draw, not an exact capacity (HttpCapacityTest
     * checks that). Only the error rate is judged, so a busy machine's latency cannot fail the 25 req/s step.
     */
    private static void searchThePlantedCapacity(Path nginxDir, Path out) throws Exception {
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(nginxDir)) {
            PlantedLimits.limitRequests(nginx, PLANTED);
            Path spec = nginxDir.resolve("cluster.yaml");
            Files.writeString(spec, """
                    cluster: planted-capacity
                    services:
                      lb: { type: http, url: "%s/health" }
                    probes:
                      lb-capacity:
                        service: lb
                        rate: 25
                        duration: 1s
                        warmup: 300ms
                        capacity: rate
                        slo: ["error_pct <= 5"]
                        capacityPrecision: 25
                        capacityBudget: 25s
                    """.formatted(nginx.url()));

            CliRun run = CliRun.of("benchmark", spec.toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        }
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        AUDIT_REPORT + ", 1280, .table-scroll, overflow-x, auto",
        AUDIT_REPORT + ", 390, .table-scroll, overflow-x, auto",
        TREND + ", 1280, svg.chart, display, block",
        TREND + ", 390, svg.chart, display, block",
        CAPACITY_REPORT + ", 1280, figure.capacity svg, max-width, 100%",
        CAPACITY_REPORT + ", 390, figure.capacity svg, max-width, 100%"})
    void rendersUnderJenkinsCspWithoutErrorsAndWithoutWideningThePage(String page, int width, String styled,
            String property, String value) throws Exception {
        ChromeDriver driver = open(page, width);
        List<LogEntry> console = browser.console();
        save(page, width);

        assertThat(console).as("console of " + page)
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .noneMatch(entry -> entry.getMessage().contains("Content Security Policy"));
        assertThat(number(driver, "return window.innerWidth")).isEqualTo(width);
        assertThat(number(driver, "return window.innerHeight")).isEqualTo(SCREEN_HEIGHT);
        assertThat(number(driver, "return document.documentElement.scrollWidth"))
                .as("the page is no wider than the window; wide tables scroll in their own box")
                .isLessThanOrEqualTo(number(driver, "return window.innerWidth"));
        // The sibling style sheet was allowed (style-src 'self') and applied.
        assertThat(driver.executeScript("return getComputedStyle(document.querySelector(arguments[0]))"
                + ".getPropertyValue(arguments[1])", styled, property)).isEqualTo(value);
        assertNoViolationReportFrom(page);
    }

    @Test
    void showsTheVerdictWhatNeedsAttentionAndTheEffectTableInTheFirstDesktopScreen() throws Exception {
        ChromeDriver driver = open(AUDIT_REPORT, 1280);

        WebElement verdict = driver.findElement(By.cssSelector("p.banner"));
        assertThat(verdict.getText()).startsWith("Verdict: ");
        assertWithinFirstScreen(verdict.getRect(), "the verdict");
        assertThat(driver.findElement(By.id("attention")).getRect().getY()).as("the attention list's heading")
                .isLessThan(SCREEN_HEIGHT);
        WebElement effects = driver.findElement(By.xpath("//*[@id='comparison']/following::table[1]"));
        assertThat(effects.getRect().getY()).as("the top of the effect table").isLessThan(SCREEN_HEIGHT);
    }

    @Test
    void marksTheCapacityKneeAtItsLoadApartFromTheSeries() throws Exception {
        CapacityCurve curve = capacityCurve();
        assertThat(curve.passed()).as(curve.statement()).isNotNull();
        assertThat(curve.failed()).as(curve.statement()).isNotNull();
        ChromeDriver driver = open(CAPACITY_REPORT, 1280);

        WebElement chart = driver.findElement(By.cssSelector("figure.capacity svg"));
        WebElement knee = chart.findElement(By.cssSelector("line.knee"));
        WebElement failed = chart.findElement(By.cssSelector("line.lowest-failed"));
        Files.write(SCREENSHOTS.resolve("capacity-chart-1280.png"), chart.getScreenshotAs(OutputType.BYTES));
        assertThat(knee.isDisplayed()).isTrue();
        Rectangle box = chart.getRect();
        assertThat(knee.getRect().getX()).as("the knee's line inside the chart")
                .isBetween(box.getX(), box.getX() + box.getWidth());
        assertThat(knee.getRect().getX()).as("the knee left of the lowest failed load")
                .isLessThan(failed.getRect().getX());
        assertThat(chart.findElements(By.cssSelector("text")).stream().map(WebElement::getText))
                .contains("knee " + Numbers.format(curve.passed()), "failed " + Numbers.format(curve.failed()));
        // A marker, not a series: neither its colour nor its dashes are those of any line drawn through the steps.
        List<WebElement> series = driver.findElements(By.cssSelector("figure.capacity polyline"));
        assertThat(series).as("the series").hasSizeGreaterThanOrEqualTo(3);
        for (String property : List.of("stroke", "stroke-dasharray")) {
            assertThat(series).extracting(line -> computed(driver, line, property)).as("the series' " + property)
                    .doesNotContain(computed(driver, knee, property));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({AUDIT_REPORT, TREND, CAPACITY_REPORT})
    void leadsEveryInPageLinkToAnElement(String page) throws Exception {
        ChromeDriver driver = open(page, 1280);

        List<String> targets = driver.findElements(By.cssSelector("a[href]")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        if (page.equals(AUDIT_REPORT)) {
            assertThat(targets).as("the report's contents").hasSizeGreaterThanOrEqualTo(7);
        }
        assertThat(targets).allSatisfy(href -> {
            assertThat(href).as("only in-page links; the CSP allows nothing else").startsWith("#");
            assertThat(driver.findElements(By.id(href.substring(1)))).as(href).hasSize(1);
        });
    }

    @Test
    void receivesTheReportOfAPageThatBreaksThePolicy() throws Exception {
        browser.console();
        browser.driver().get(server.url(CANARY));

        assertThat(server.awaitViolation(CANARY, Duration.ofSeconds(10))).contains("style-src");
        assertThat(browser.console()).anyMatch(entry -> entry.getMessage().contains("Content Security Policy"));
    }

    @Test
    void aMissingBrowserFailsWithTheInstallCommand(@TempDir Path empty) {
        assertThatThrownBy(() -> HeadlessChromium.start(Binaries.in(List.of(empty)), 1280, SCREEN_HEIGHT))
                .isInstanceOf(LocalServerException.class)
                .hasMessage("chromium not found (looked in " + empty + "): install it with: apt-get install -y "
                        + "chromium");
    }

    private ChromeDriver open(String page, int width) {
        browser.resize(width, SCREEN_HEIGHT);
        browser.console(); // what earlier pages logged is theirs
        ChromeDriver driver = browser.driver();
        driver.get(server.url(page));
        return driver;
    }

    /**
     * Loads the canary after the page and waits for the canary's report: the browser sends reports in the order it
     * meets violations, so once the canary's has arrived, any report of the page would have too.
     */
    private void assertNoViolationReportFrom(String page) throws InterruptedException {
        browser.driver().get(server.url(CANARY));
        server.awaitViolation(CANARY, Duration.ofSeconds(10));
        assertThat(server.violations()).as("CSP violation reports").noneMatch(report -> report.contains(page));
    }

    /** The capacity curve the search wrote into result.json beside its report. */
    private static CapacityCurve capacityCurve() throws Exception {
        Path result = DemoOutput.get().dir().resolve(CAPACITY).resolve(ResultFiles.RESULT_JSON);
        return ResultFiles.read(result).probes().stream().map(ProbeMeasurement::capacity)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }

    /** A property of the style the browser draws an element with, presentation attributes included. */
    private static String computed(ChromeDriver driver, WebElement element, String property) {
        return (String) driver.executeScript("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                element, property);
    }

    private void save(String page, int width) throws Exception {
        // The folder in the name too: the demo's run and the capacity search both wrote an audit-report.html.
        String name = page.replace(".html", "").replace('/', '-') + "-" + width + ".png";
        Files.write(SCREENSHOTS.resolve(name), browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    private static long number(ChromeDriver driver, String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    private static void assertWithinFirstScreen(Rectangle rect, String what) {
        assertThat(rect.getY()).as(what + " top").isGreaterThanOrEqualTo(0);
        assertThat(rect.getY() + rect.getHeight()).as(what + " bottom").isLessThanOrEqualTo(SCREEN_HEIGHT);
        assertThat(rect.getX() + rect.getWidth()).as(what + " right").isLessThanOrEqualTo(1280);
    }
}
