package dev.ksefplatform.commandapi.submission.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of submission rows by status, in total and per UTC day of {@code createdAt} (every day of the range). */
final class SubmissionCounts {

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
    private long total;

    SubmissionCounts(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.put(day, new TreeMap<>());
        }
    }

    void add(Object item) {
        if (!(item instanceof Map<?, ?> row) || !(row.get("status") instanceof String status)) {
            return;
        }
        total++;
        byStatus.merge(status, 1L, Long::sum);
        LocalDate day = day(row.get("createdAt"));
        if (day != null && byDay.containsKey(day)) {
            byDay.get(day).merge(status, 1L, Long::sum);
        }
    }

    Map<String, Object> body(boolean complete) {
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((day, counts) -> days.add(Map.of("date", day.toString(), "byStatus", counts)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("total", total);
        body.put("byStatus", byStatus);
        body.put("byDay", days);
        body.put("complete", complete);
        return body;
    }

    /** {@code createdAt} is an ISO-8601 instant; its UTC day (the day the list's createdFrom/createdTo filter on). */
    private static LocalDate day(Object createdAt) {
        return createdAt instanceof String text && text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }
}
