package dev.ksefplatform.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The operator's integration accounts and master-key pages, as a person uses them: by keyboard where they can. */
final class OperatorScreens {

    private final ConsolePages pages;

    OperatorScreens(ConsolePages pages) {
        this.pages = pages;
    }

    /** Chooses the kind and status in the filter form and submits it with the keyboard (Enter on the button). */
    void filter(String kind, String status) {
        new Select(pages.waitFor(By.id("filter-kind"))).selectByValue(kind);
        new Select(pages.waitFor(By.id("filter-status"))).selectByValue(status);
        WebElement submit = pages.waitFor(By.id("filter-accounts"));
        pages.navigateBy(() -> submit.sendKeys(Keys.ENTER));
    }

    By account(String integrationId) {
        return By.id("account-" + integrationId);
    }

    String statusOf(String integrationId) {
        return pages.waitFor(By.cssSelector("#account-" + integrationId + " .account-status")).getDomAttribute("data-status");
    }

    void act(String integrationId, String action) {
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("#account-" + integrationId + " button." + action)).click());
    }

    /** Starts a rotation to {@code version} from the master-key page's form. */
    void startRotation(int version) {
        pages.open("/operator/vault");
        WebElement field = pages.waitFor(By.id("target-version"));
        field.clear();
        field.sendKeys(String.valueOf(version));
        pages.navigateBy(() -> field.sendKeys(Keys.ENTER));
    }

    /** The progress section's status once the page (reloading itself while RUNNING) shows the rotation finished. */
    String awaitRotationFinished(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status;
        do {
            status = pages.waitFor(By.id("rotation")).getDomAttribute("data-status");
            if (!"RUNNING".equals(status)) {
                return status;
            }
            ConsolePages.sleep();
        } while (System.nanoTime() < deadline);
        assertThat(status).as("the rotation still runs after " + timeout).isNotEqualTo("RUNNING");
        return status;
    }
}
