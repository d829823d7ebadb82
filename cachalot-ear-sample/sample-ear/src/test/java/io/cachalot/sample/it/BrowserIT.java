package io.cachalot.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample in a real browser: headless Chromium, driven by Selenium through the system's chromedriver, edits a
 * book through the form and reads the result on the pages. The test runs as a client (outside the deployment):
 * the statements it counts are the ones each page's footer reports, counted by the application's data source.
 * A screenshot of the stats page is saved in {@code screenshots/} of the build folder.
 *
 * <p>Skipped when Chromium or chromedriver is missing ({@code -Dsample.chromium=...} and
 * {@code -Dwebdriver.chrome.driver=...} point to other copies); CI installs both.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    private static final String BASE = "http://localhost:" + Integer.getInteger("sample.it.port", 18080)
            + SampleDeployment.CONTEXT_ROOT;
    private static final Path CHROMIUM = Path.of(System.getProperty("sample.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final int PAGE = 40;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SampleDeployment.ear();
    }

    private Path profile;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER);
        profile = Files.createTempDirectory("sample-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void anEditInTheBrowserShowsOnTheListAndOnTheStatsPage() throws IOException {
        open("/stats");
        long bookInvalidations = number(browser.findElement(By.cssSelector("#table-BOOK td:nth-child(5)")));
        long publisherInvalidations = number(browser.findElement(By.cssSelector("#table-PUBLISHER td:nth-child(5)")));
        long events = browser.findElements(By.cssSelector("#events tr")).size() - 1;

        open("/books?page=" + PAGE);
        open("/books?page=" + PAGE);
        assertThat(statements()).as("second request of the list").isZero();
        WebElement first = browser.findElement(By.cssSelector("#books tr:nth-child(2)"));
        String title = first.findElement(By.cssSelector("td:first-child a")).getText();
        String revised = title + " (edited in Chromium)";

        first.findElement(By.linkText("edit")).click();
        assertThat(loaded().until(ExpectedConditions.textToBe(By.tagName("h1"), "Edit " + title))).isTrue();
        WebElement input = browser.findElement(By.name("title"));
        input.clear();
        input.sendKeys(revised);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement saved = loaded().until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        assertThat(saved.getText()).as("the book's page after the save").isEqualTo(revised);
        open("/books?page=" + PAGE);
        assertThat(browser.findElements(By.cssSelector("#books td:first-child a")))
                .extracting(WebElement::getText).contains(revised).doesNotContain(title);
        assertThat(statements()).as("the list after the edit (BOOK invalidated)").isPositive();
        open("/books?page=" + PAGE);
        assertThat(statements()).as("the list again").isZero();

        open("/stats");
        assertThat(number(browser.findElement(By.cssSelector("#table-BOOK td:nth-child(5)"))))
                .as("invalidations of BOOK").isEqualTo(bookInvalidations + 1);
        assertThat(browser.findElement(By.cssSelector("#table-BOOK td.last")).getText()).isNotEqualTo("never");
        assertThat(number(browser.findElement(By.cssSelector("#table-PUBLISHER td:nth-child(5)"))))
                .as("invalidations of PUBLISHER").isEqualTo(publisherInvalidations);
        assertThat(browser.findElements(By.cssSelector("#events tr"))).hasSize((int) Math.min(events + 1, 20) + 1);
        assertThat(browser.findElement(By.cssSelector("#events tr:nth-child(2) td:nth-child(2)")).getText())
                .as("the newest PostInvalidation event").isEqualToIgnoringCase("BOOK");
        Path screenshot = screenshot("stats.png");
        assertThat(Files.size(screenshot)).isPositive();
    }

    /** Waits for the page a click leads to: Chromium may return from a click before it has loaded that page. */
    private WebDriverWait loaded() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private void open(String path) {
        browser.get(BASE + path);
    }

    /** The number of SQL statements that the footer of the current page reports. */
    private long statements() {
        return number(browser.findElement(By.cssSelector("footer .sql")));
    }

    private static long number(WebElement element) {
        return Long.parseLong(element.getText().strip());
    }

    /** Saves the whole current page (the window is made as tall as the page) in the build folder's screenshots/. */
    private Path screenshot(String name) throws IOException {
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(((Number) height).longValue() + 140, 4000)));
        Path folder = Path.of(System.getProperty("sample.ear")).getParent().resolve("screenshots");
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
