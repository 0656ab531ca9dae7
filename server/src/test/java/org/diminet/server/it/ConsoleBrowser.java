package org.diminet.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, for the web console's tests. Nothing
 * is downloaded: both programs must be installed ({@code apt-get install chromium chromium-driver}, as
 * {@code .ci/run} does); without them the tests are skipped and say why (see {@link #missing()}). Every request the browser makes
 * is recorded (Chrome's performance log), so a test can check that the console asks nothing of another
 * origin.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("diminet.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("diminet.test.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots go: the test artifacts of the server module. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** A laptop's screen. */
    private static final Dimension WINDOW = new Dimension(1366, 900);

    final ChromeDriver driver;
    private final List<String> requested = new ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Why the browser cannot run here (Chromium or its driver is not installed), or empty when it can. */
    static Optional<String> missing() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? Optional.empty()
                : Optional.of("the web console's browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                        + ", " + CHROMEDRIVER + "); install them with: apt-get install chromium chromium-driver");
    }

    static ConsoleBrowser start() {
        // The driver is named explicitly, so Selenium Manager never tries to download one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=en-GB", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--metrics-recording-only");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(WINDOW);
        return new ConsoleBrowser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element's text now, found again if the page redrew it between finding and reading. */
    String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(css).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until {@code condition} holds, at most {@code seconds}; the failure says what was awaited. */
    <T> T await(String what, int seconds, ExpectedCondition<T> condition) {
        // The pages redraw parts of themselves (the peers every few seconds): an element found a moment ago
        // may be gone; the next poll finds the new one.
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(what).until(condition);
    }

    WebElement visible(String css) {
        return await(css + " visible", 15, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains {@code text} and returns its whole text. */
    String textOf(String css, String text, int seconds) {
        return await(css + " to contain '" + text + "'", seconds, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String now = found.isEmpty() ? "" : found.get(0).getText();
            return now.contains(text) ? now : null;
        });
    }

    String focusedId() {
        WebElement active = driver.switchTo().activeElement();
        return active == null ? null : active.getAttribute("id");
    }

    /** The whole page (the window grown to its height for the shot), as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            long page = ((Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
            long frame = before.height - ((Number) driver.executeScript("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(3000, Math.max(before.height, page + frame))));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Every URL the browser requested so far (documents, scripts, API calls). */
    List<String> requestedUrls() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = SiteClient.JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    requested.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requested);
    }

    /**
     * What the page's scripts reported as errors (an exception, a module that did not load, a policy
     * violation). The browser's own note on every 4xx answer is left out: refusals are part of the tests.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
