package dev.ksefplatform.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/** The dashboard's inbox arrivals and KSeF budget panels as a person reads them. */
final class DashboardPanels {

    private static final Pattern LEFT_OF = Pattern.compile("(\\d[\\d ]*) z (\\d[\\d ]*)");

    private final ConsolePages pages;

    DashboardPanels(ConsolePages pages) {
        this.pages = pages;
    }

    /** Reloads the dashboard until the worker's snapshot shows this group (it is written every 10 s). */
    void awaitBudgetOf(String group) {
        pages.reloadUntil("/dashboard", By.cssSelector("#budget-groups .budget-group[data-group='" + group + "']"),
                Duration.ofSeconds(60));
    }

    /** Reloads the dashboard until the arrivals of the last {@code period} count {@code count}. */
    void awaitArrivals(String period, int count) {
        pages.reloadUntil("/dashboard", By.cssSelector("#arrivals-" + period + " .arrivals-total[data-count='" + count
                + "']"), Duration.ofSeconds(60));
    }

    int arrivals(String period) {
        return Integer.parseInt(pages.attribute(By.cssSelector("#arrivals-" + period + " .arrivals-total"), "data-count"));
    }

    /** "left of limit" in this hour for the group, asserting the text says it so. */
    int[] leftThisHour(String group) {
        String text = ConsolePages.plainSpaces(pages.text(By.cssSelector(
                "#budget-groups .budget-group[data-group='" + group + "'] .budget-hour")));
        Matcher m = LEFT_OF.matcher(text);
        assertThat(m.matches()).as("'%s' reads '<left> z <limit>'", text).isTrue();
        return new int[] {number(m.group(1)), number(m.group(2))};
    }

    /**
     * Reloads the dashboard until the group's hour counts at least {@code spent} calls gone, for up to 30 s, and returns
     * {left, limit}: the panel reads the worker's snapshot, written every 10 s, so it may not count the last calls yet.
     */
    int[] awaitSpentThisHour(String group, int spent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int[] left = leftThisHour(group);
        while (left[0] > left[1] - spent && System.nanoTime() < deadline) {
            ConsolePages.sleep();
            pages.open("/dashboard");
            left = leftThisHour(group);
        }
        return left;
    }

    /** When the group's next call may go, as the panel says it ("teraz": now). */
    String nextCall(String group) {
        return pages.text(By.cssSelector("#budget-groups .budget-group[data-group='" + group + "'] .budget-next"));
    }

    private static int number(String text) {
        return Integer.parseInt(text.replace(" ", ""));
    }
}
