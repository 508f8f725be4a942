package dev.ksefplatform.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a person uses it in the browser, with the checks every page must pass. */
final class ConsolePages {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style[\\s>]|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    /** axe-core's rules for WCAG 2.1 levels A and AA (the level Polish public-sector sites must meet). */
    private static final String AXE_RUN = "const done = arguments[arguments.length - 1];"
            + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
            + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
            + ".catch(e => done(['axe-core failed: ' + e]));";
    private static final String AXE = axeSource();

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;

    ConsolePages(ChromeDriver driver, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /** Forgets what the browser reported so far (the log is the driver's, shared by the tests). */
    void forgetBrowserLog() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void logIn(String login, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        navigateBy(() -> driver.findElement(By.id("log-in")).click());
    }

    /**
     * Runs an action that leaves the page and returns once the next page has loaded. A click returns before the
     * browser navigates: a lookup right after it may find an element of the page being left, or of the next page
     * just before a redirect replaces it.
     */
    void navigateBy(Runnable action) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> left(leaving));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page holding {@code element} is gone. ChromeDriver 156 sometimes answers a check on a node of a
     * document being torn down with "unknown error: … Node with given id does not belong to the document" instead
     * of a stale element (seen once in ConsoleBrowserIT's log-in, under load): that too means the page was left.
     */
    private static boolean left(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void logOut() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        waitFor(By.id("logged-out"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** The text of the first element {@code by} finds, read again if the page replaced it meanwhile. */
    String textOf(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().findFirst().map(WebElement::getText).orElse(null));
    }

    /** Reloads {@code path} until {@code by} is on it: the read side folds events a moment after they happen. */
    WebElement reloadUntil(String path, By by, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            open(path);
            List<WebElement> found = driver.findElements(by);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            assertThat(System.nanoTime()).as("waiting for " + by + " on " + path + ", which shows: "
                    + driver.findElement(By.tagName("body")).getText()).isLessThan(deadline);
            sleep();
        }
    }

    /**
     * Presses "Sync now" on the inbox and reloads it until {@code by} shows, pressing again while it does not: the
     * integration's activation and the seeded invoices reach sync-service through the event log a moment later.
     */
    void syncInboxUntil(By by, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            open("/inbox");
            if (!driver.findElements(by).isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("waiting for " + by + " on the inbox, which shows: "
                    + driver.findElement(By.tagName("body")).getText()).isLessThan(deadline);
            navigateBy(() -> waitFor(By.id("sync-now")).click());
            for (int i = 0; i < 10 && driver.findElements(by).isEmpty(); i++) {
                sleep();
                open("/inbox");
            }
        }
    }

    /** Text with its no-break spaces (the console's amounts) as plain ones. */
    static String plainSpaces(String text) {
        return text.replace('\u00a0', ' ');
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String attribute(By by, String name) {
        return driver.findElement(by).getAttribute(name);
    }

    /** The language the page says it is in ({@code <html lang>}, which screen readers and axe-core read). */
    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * The page needs no inline script or style (what the CSP forbids), and the browser reported no CSP violation
     * or script error on it.
     */
    void assertCleanPage() {
        String html = driver.getPageSource();
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> on " + path()).isFalse();
        assertThat(INLINE_STYLE.matcher(html).find()).as("inline style on " + path()).isFalse();
        assertThat(HANDLER.matcher(html).find()).as("inline event handler on " + path()).isFalse();
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("favicon.ico"))
                // an HTTP error status is the server's answer, asserted where a test expects one; not a page defect
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
                .toList();
        assertThat(problems).as("browser console on " + path()).isEmpty();
        assertAccessible();
    }

    /** No axe-core violation of WCAG 2.1 A/AA on the page as it stands (run from the test, not served by the console). */
    void assertAccessible() {
        driver.executeScript(AXE);
        List<?> violations = (List<?>) driver.executeAsyncScript(AXE_RUN);
        forgetBrowserLog(); // axe's own canvas readback warning (its colour-contrast rule), not the page's
        assertThat(violations).as("axe-core on " + path()).isEmpty();
    }

    private static String axeSource() {
        String path = "/META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js";
        try (var in = ConsolePages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core not on the class path: " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of a page longer than the window: the window is made {@code height} pixels tall for it. */
    void screenshot(String name, int height) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), height));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** The pause between two looks at a page that is expected to change. */
    static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
