package dev.ksefplatform.console.dashboard;

import java.util.Map;

/**
 * One KSeF limit group of the tenant's context in plain words: calls left in this hour and in this minute, of how
 * many, and when the next may go ({@code null}: now).
 */
public record BudgetLine(String group, int leftHour, int perHour, int leftMinute, int perMinute, Object availableAt) {

    static BudgetLine of(Map<?, ?> group) {
        return new BudgetLine(String.valueOf(group.get("group")), number(group.get("leftHour")),
                number(group.get("perHour")), number(group.get("leftMinute")), number(group.get("perMinute")),
                group.get("availableAt"));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
