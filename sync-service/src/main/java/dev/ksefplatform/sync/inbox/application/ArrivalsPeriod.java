package dev.ksefplatform.sync.inbox.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The UTC days a summary of inbox arrivals covers: both given, in order, at most {@link #MAX_DAYS} days. */
public record ArrivalsPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 31;

    public ArrivalsPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required: dates yyyy-MM-dd");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("to must be at most " + (MAX_DAYS - 1) + " days after from ("
                    + MAX_DAYS + " days in all)");
        }
    }
}
