package io.procspec.report;

import io.procspec.report.model.VerificationReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens a report rendered from the fixtures (with a deliberately failing property and its
 * counterexample) in headless Chromium (Debian's chromium and chromedriver) and checks that the
 * overview, the traceability table, the failure diagram and the benchmark plot render, with no
 * console errors. Keeps {@code target/report-screenshot.png} and {@code target/report-failure.png}.
 * Skipped with a message when Chromium is missing, except under {@code CI=true}, where it fails.
 */
class BrowserTest {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    @TempDir
    Path root;

    /** Selenium logs that it has no DevTools module for this Chromium; the test uses none. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_LOG.setLevel(Level.OFF);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void theReportRendersInARealBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String msg = "headless Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install Debian's chromium and chromium-driver (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        FixtureRepo.create(root);
        VerificationReport r = Assembler.assemble(new Assembler.Run(root, Set.copyOf(AssemblerTest.ALL), "reuse",
                "./procspec check --reuse", Instant.now(), 1.0, null, null, true, Environment.collect(root)));
        Path out = Paths.get(System.getProperty("procspec.report.testOut", "target")).resolve("browser-report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), HtmlReport.render(r), StandardCharsets.UTF_8);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory(root, "chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(out.resolve("index.html").toUri().toString());

            // the overview: every layer, with its verdict
            List<WebElement> overview = driver.findElements(By.cssSelector("#overview-table tbody tr"));
            assertThat(overview).hasSize(AssemblerTest.ALL.size());
            assertThat(driver.findElement(By.cssSelector("#overview-table tr[data-layer=properties] .badge")).getText())
                    .isEqualTo("fail");
            assertThat(driver.findElement(By.cssSelector("#overview-table tr[data-layer=oracle]")).getText())
                    .contains("skipped").contains("not in this repository yet");
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("fail");

            // the traceability table: a row per label, counts where a layer recorded them
            List<WebElement> trace = driver.findElements(By.cssSelector("#traceability-table tbody tr"));
            assertThat(trace).hasSize(Traceability.labels().size());
            assertThat(driver.findElement(By.id("traceability-table")).getText()).contains("Proc.runqput").contains("yes (1,234)");

            // the failure diagram, drawn as SVG, and the same steps as a table
            WebElement failure = driver.findElement(By.cssSelector("#failures .trace.failure"));
            WebElement svg = failure.findElement(By.cssSelector(".diagram svg"));
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.getSize().getHeight()).isGreaterThan(100);
            assertThat(svg.getText()).contains("runqgrab_cas").contains("owner").contains("thief");
            assertThat(failure.findElements(By.cssSelector(".trace-table tbody tr"))).hasSize(4);

            // the benchmark plot, drawn by ECharts
            WebElement chart = driver.findElement(By.id("bench-chart"));
            assertThat(chart.getAttribute("data-rendered")).isEqualTo("true");
            assertThat(chart.findElements(By.cssSelector("svg"))).isNotEmpty();
            // one bar per benchmark, drawn to its score (not an empty frame)
            Object widths = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('#bench-chart svg path'))"
                    + ".filter(p => p.getAttribute('fill') === '#5470c6').map(p => p.getBBox().width);");
            assertThat((List<?>) widths).hasSize(3).allSatisfy(w -> assertThat(((Number) w).doubleValue()).isGreaterThan(50));

            // no console errors
            List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(errors).as("console errors").isEmpty();

            Path target = out.getParent();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve("report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ((JavascriptExecutor) driver).executeScript("document.getElementById('failures').scrollIntoView()");
            shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve("report-failure.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }

}
