package dev.ksefplatform.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Submissions per day by status as stacked SVG bars, laid out here so the page needs no script and no inline style
 * (the CSP allows neither): each bar is a rect with numeric attributes and a class naming its status. Dates stay
 * ISO here: the page writes them in its language.
 */
public record SubmissionChart(List<Bar> bars, List<Label> labels, long max) {

    static final List<String> STATUSES = List.of("ACCEPTED", "SENT", "REJECTED", "DUPLICATE", "FAILED");
    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    public record Bar(double x, double y, double width, double height, String status, String date, long count) {
    }

    public record Label(double x, String date) {
    }

    static SubmissionChart of(List<DayCounts> days) {
        long max = Math.max(1, days.stream().mapToLong(DayCounts::total).max().orElse(0));
        double slot = (double) WIDTH / Math.max(1, days.size());
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayCounts day = days.get(i);
            stack(bars, day, i * slot + slot * 0.15, slot * 0.7, max);
            if (i % 7 == (days.size() - 1) % 7) {
                labels.add(new Label(i * slot + slot / 2, day.date()));
            }
        }
        return new SubmissionChart(bars, labels, max);
    }

    private static void stack(List<Bar> bars, DayCounts day, double x, double width, long max) {
        double top = HEIGHT;
        for (String status : STATUSES) {
            long count = day.byStatus().getOrDefault(status, 0L);
            if (count > 0) {
                double height = (double) HEIGHT * count / max;
                top -= height;
                bars.add(new Bar(x, top, width, height, status, day.date(), count));
            }
        }
    }

    /** One day of command-api's summary: {@code {date, byStatus{STATUS: n}}}. */
    public record DayCounts(String date, Map<String, Long> byStatus) {

        long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
