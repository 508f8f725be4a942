package dev.ksefplatform.commandapi.budget.api;

import java.util.List;

/** The budget body as the OpenAPI document shows it; tenant-worker's snapshot is passed through whole. */
final class BudgetDocs {

    private BudgetDocs() {
    }

    /** One limit group: the limit in force per window, calls left, next call at (null: now), 429 block until. */
    record Group(String group, int perSecond, int perMinute, int perHour, int leftSecond, int leftMinute, int leftHour,
                 String availableAt, String blockedUntil) {
    }

    /** {@code rested}: no call lately, every window full; {@code waitingUntil}: the latest 429 block of any group. */
    record Budget(String environment, String nip, String takenAt, boolean rested, String waitingUntil,
                  List<Group> groups) {
    }
}
