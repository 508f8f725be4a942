package dev.ksefplatform.commandapi.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code from}/{@code to} UTC days of a summary: both required, in order, spanning at most {@code maxDays} days. */
public record DayPeriod(LocalDate from, LocalDate to) {

    /** The period the query names; anything wrong with it is an {@link InvalidQueryParameter} (400). */
    public static DayPeriod of(Map<String, List<String>> query, int maxDays) {
        QueryParameters given = QueryParameters.of(query, Set.of("from", "to"));
        LocalDate from = required("from", given.date("from"));
        LocalDate to = required("to", given.date("to"));
        QueryParameters.ordered("from", from, "to", to);
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw new InvalidQueryParameter("to", "must be at most " + maxDays + " days after from");
        }
        return new DayPeriod(from, to);
    }

    private static LocalDate required(String name, LocalDate value) {
        if (value == null) {
            throw new InvalidQueryParameter(name, "is required: a date yyyy-MM-dd");
        }
        return value;
    }
}
