package dev.ksefplatform.sync.inbox.domain;

import java.time.LocalDate;

/** How many documents reached a tenant's inbox on one UTC day of {@code listedAt}. */
public record DailyArrivals(LocalDate day, long count) {
}
