package dev.ksefplatform.sync.schedule.domain;

import java.time.Duration;

/**
 * How often one subject type is synced: every {@code period}, each tenant at its own moment inside the window
 * [{@code windowStart}, {@code windowStart + windowLength}) of the period (periods are aligned to the epoch, UTC),
 * e.g. Subject2 every 15 minutes anywhere in them, Subject3 every 24 hours between 01:00 and 05:00 UTC.
 */
public record SubjectSchedule(String subjectType, Duration period, Duration windowStart, Duration windowLength) {

    public SubjectSchedule {
        if (period.isNegative() || period.isZero() || windowLength.isNegative() || windowLength.isZero()
                || windowStart.isNegative() || windowStart.plus(windowLength).compareTo(period) > 0) {
            throw new IllegalArgumentException("the window of " + subjectType + " must lie inside its period");
        }
    }

    public static SubjectSchedule every(String subjectType, Duration period) {
        return new SubjectSchedule(subjectType, period, Duration.ZERO, period);
    }
}
