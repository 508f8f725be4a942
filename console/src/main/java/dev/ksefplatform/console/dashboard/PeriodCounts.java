package dev.ksefplatform.console.dashboard;

import dev.ksefplatform.console.dashboard.SubmissionChart.DayCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Submissions by status over the last {@code days} days of the summary (today, 7 days, 30 days; the id names it). */
public record PeriodCounts(String id, Map<String, Long> byStatus, long total) {

    static PeriodCounts lastDays(List<DayCounts> days, int count, String id) {
        Map<String, Long> byStatus = new TreeMap<>();
        days.subList(Math.max(0, days.size() - count), days.size())
                .forEach(day -> day.byStatus().forEach((status, n) -> byStatus.merge(status, n, Long::sum)));
        return new PeriodCounts(id, byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    public long of(String status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
