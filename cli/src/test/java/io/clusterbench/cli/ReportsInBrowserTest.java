package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.local.Binaries;
import io.clusterbench.local.LocalServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The demo's audit-report.html and trend.html, from a real run against the test kit, rendered in Debian's chromium
 * and served the way Jenkins serves archived artifacts, under its default Content-Security-Policy: no console error,
 * no CSP violation, no sideways scrolling of the page on a desktop or a phone, the verdict in the first screen, and
 * every in-page link leading somewhere. Screenshots land in {@code target/browser-screenshots/} for a reviewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsInBrowserTest {

    private static final int SCREEN_HEIGHT = 800;
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String AUDIT_REPORT = "run/audit-report.html";
    private static final String TREND = "trend/trend.html";
    /** A page that breaks the CSP on purpose, so the test knows violation reports reach the server. */
    private static final String CANARY = "browser-check/csp-canary.html";

    private CspFileServer server;
    private HeadlessChromium browser;

    @BeforeAll
    void serveTheDemosReportsAndStartTheBrowser() throws Exception {
        DemoOutput demo = DemoOutput.get();
        assertThat(demo.run().exitCode()).as(demo.run().out() + demo.run().err()).isEqualTo(ExitCodes.OK);
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

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        AUDIT_REPORT + ", 1280, .table-scroll, overflow-x, auto",
        AUDIT_REPORT + ", 390, .table-scroll, overflow-x, auto",
        TREND + ", 1280, svg.chart, display, block",
        TREND + ", 390, svg.chart, display, block"})
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({AUDIT_REPORT, TREND})
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

    private void save(String page, int width) throws Exception {
        String name = page.substring(page.lastIndexOf('/') + 1).replace(".html", "") + "-" + width + ".png";
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
