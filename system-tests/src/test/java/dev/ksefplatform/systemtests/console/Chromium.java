package dev.ksefplatform.systemtests.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium with its driver, found where Debian installs them (or at {@code CHROME_BIN} /
 * {@code CHROMEDRIVER}); never downloaded. Without one, the browser tests are skipped with a loud message, unless
 * {@code -Dconsole.browser.required=true} (CI) makes that a failure.
 */
final class Chromium {

    private static final String REQUIRED = "console.browser.required";

    private Chromium() {
    }

    /** Skips (or, when required, fails) the calling test class when no browser can be started here. */
    static Paths requireInstalled() {
        Optional<Paths> found = find();
        if (found.isEmpty()) {
            String message = "NO CHROMIUM: the console's browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
                    + "(apt-get install chromium chromium-driver) or CHROME_BIN and CHROMEDRIVER";
            if (Boolean.getBoolean(REQUIRED)) {
                throw new IllegalStateException(message + "; -D" + REQUIRED + "=true forbids skipping them");
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED " + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.abort(message);
        }
        return found.get();
    }

    static ChromeDriver start(Paths paths, Path downloads) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(paths.driver().toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(paths.browser().toFile());
        // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    private static Optional<Paths> find() {
        Path browser = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        return Files.isExecutable(browser) && Files.isExecutable(driver) ? Optional.of(new Paths(browser, driver)) : Optional.empty();
    }

    record Paths(Path browser, Path driver) {
    }

}
