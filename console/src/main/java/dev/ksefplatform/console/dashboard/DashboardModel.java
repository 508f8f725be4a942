package dev.ksefplatform.console.dashboard;

import dev.ksefplatform.console.dashboard.SubmissionChart.DayCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.ui.Model;

/** Turns command-api's answers into what the dashboard shows; an answer missing is a part shown as unavailable. */
final class DashboardModel {

    private static final String RECEIVED = "RECEIVED";

    private DashboardModel() {
    }

    static void fill(Model model, Map<String, Object> parts) {
        model.addAttribute("statuses", SubmissionChart.STATUSES);
        if (parts.get("summary") instanceof Map<?, ?> summary) {
            List<DayCounts> days = days(summary.get("byDay"));
            model.addAttribute("periods", List.of(PeriodCounts.lastDays(days, 1, "today"),
                    PeriodCounts.lastDays(days, 7, "week"), PeriodCounts.lastDays(days, DashboardPages.DAYS, "month")));
            model.addAttribute("chart", SubmissionChart.of(days));
            model.addAttribute("summaryComplete", !Boolean.FALSE.equals(summary.get("complete")));
        }
        if (parts.get("integrations") instanceof Map<?, ?> integrations && integrations.get("items") instanceof List<?> items) {
            model.addAttribute("needingAction", items.stream().filter(DashboardModel::needsAction).toList());
            model.addAttribute("integrationCount", items.size());
        }
        if (parts.get("syncs") instanceof List<?> syncs) {
            model.addAttribute("syncs", syncs.stream().filter(DashboardModel::attempted).toList());
        }
        if (parts.get("arrivals") instanceof Map<?, ?> arrivals) {
            List<DayCounts> days = arrivalDays(arrivals.get("days"));
            model.addAttribute("arrivals", List.of(PeriodCounts.lastDays(days, 1, "today"),
                    PeriodCounts.lastDays(days, 7, "week"), PeriodCounts.lastDays(days, DashboardPages.DAYS, "month")));
        }
        if (parts.get("budget") instanceof BudgetPanel budget) {
            model.addAttribute("budget", budget);
        } else if (parts.get("budget") instanceof Map<?, ?> budget) {
            model.addAttribute("budget", BudgetPanel.of(budget));
        }
        if (parts.get("notifications") instanceof Map<?, ?> page && page.get("items") instanceof List<?> items) {
            model.addAttribute("notifications", items);
        }
    }

    private static boolean needsAction(Object integration) {
        return integration instanceof Map<?, ?> i && (!"ACTIVE".equals(i.get("status")) || i.get("action") != null);
    }

    private static boolean attempted(Object sync) {
        return sync instanceof Map<?, ?> s && (s.get("lastAttemptAt") != null || s.get("lastSuccessAt") != null
                || s.get("runningCommandId") != null);
    }

    private static List<DayCounts> days(Object byDay) {
        if (!(byDay instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(day -> new DayCounts(String.valueOf(day.get("date")), counts(day.get("byStatus")))).toList();
    }

    /** Arrivals per day as one-status day counts, so the periods add up as the submissions' do. */
    private static List<DayCounts> arrivalDays(Object days) {
        if (!(days instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(day -> new DayCounts(String.valueOf(day.get("day")),
                        Map.of(RECEIVED, day.get("count") instanceof Number n ? n.longValue() : 0L))).toList();
    }

    private static Map<String, Long> counts(Object byStatus) {
        Map<String, Long> counts = new TreeMap<>();
        if (byStatus instanceof Map<?, ?> map) {
            map.forEach((status, n) -> counts.put(String.valueOf(status), ((Number) n).longValue()));
        }
        return counts;
    }
}
