package dev.ksefplatform.sync.inbox.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A tenant's inbox arrivals over the UTC days {@code from}..{@code to}: every day listed, days without any as 0. */
public record ArrivalsSummary(LocalDate from, LocalDate to, long total, List<DailyArrivals> days) {

    /** The summary of the days counted; a counted day outside the period is ignored. */
    public static ArrivalsSummary of(LocalDate from, LocalDate to, List<DailyArrivals> counted) {
        Map<LocalDate, Long> byDay = counted.stream()
                .collect(Collectors.toMap(DailyArrivals::day, DailyArrivals::count, Long::sum));
        List<DailyArrivals> days = Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1))
                .map(day -> new DailyArrivals(day, byDay.getOrDefault(day, 0L))).toList();
        return new ArrivalsSummary(from, to, days.stream().mapToLong(DailyArrivals::count).sum(), days);
    }
}
