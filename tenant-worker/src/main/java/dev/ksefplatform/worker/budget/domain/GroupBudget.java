package dev.ksefplatform.worker.budget.domain;

import java.time.Instant;

/**
 * What one KSeF limit group of a context may still do: the limit in force per sliding second, minute and hour (shrunk
 * after a 429), the calls left in each window, when the next call may go ({@code null}: now) and until when a 429's
 * Retry-After blocks the group ({@code null}: no block).
 */
public record GroupBudget(String group, int perSecond, int perMinute, int perHour, int leftSecond, int leftMinute,
                          int leftHour, Instant availableAt, Instant blockedUntil) {

    /** This group after an hour without calls: every window full, nothing to wait for. */
    public GroupBudget rested() {
        return new GroupBudget(group, perSecond, perMinute, perHour, perSecond, perMinute, perHour, null, null);
    }
}
