package dev.ksefplatform.commandapi.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's query parameters, checked strictly before anything is passed on: only the names an endpoint takes,
 * each at most once, each value parsed here. What is forwarded is re-written from the parsed values, never copied
 * from the request. Every refusal names its parameter.
 */
public final class QueryParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,512}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private final Map<String, String> values = new LinkedHashMap<>();

    private QueryParameters() {
    }

    public static QueryParameters of(Map<String, List<String>> query, Set<String> accepted) {
        QueryParameters parameters = new QueryParameters();
        query.forEach((name, given) -> {
            if (!accepted.contains(name)) {
                throw new InvalidQueryParameter(name, "unknown parameter; accepted: " + String.join(", ", accepted));
            }
            if (given.size() != 1) {
                throw new InvalidQueryParameter(name, "give it at most once");
            }
            parameters.values.put(name, given.get(0));
        });
        return parameters;
    }

    public String text(String name, int maxLength) {
        String value = values.get(name);
        if (value != null && (value.isEmpty() || value.length() > maxLength || value.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidQueryParameter(name, "must be 1 to " + maxLength + " characters without control characters");
        }
        return value;
    }

    public String oneOf(String name, Set<String> allowed) {
        String value = values.get(name);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidQueryParameter(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    public String matching(String name, Pattern pattern, String expected) {
        String value = values.get(name);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidQueryParameter(name, "must be " + expected);
        }
        return value;
    }

    public LocalDate date(String name) {
        String value = values.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter(name, "must be a date yyyy-MM-dd");
        }
    }

    /** A plain decimal (no exponent: {@code 1E999999999} must not reach anyone's arithmetic). */
    public BigDecimal decimal(String name) {
        String value = matching(name, DECIMAL, "a plain decimal such as 1234.50");
        return value == null ? null : new BigDecimal(value);
    }

    public int limit(int defaultLimit, int max) {
        String value = matching("limit", DIGITS, "a whole number from 1 to " + max);
        int limit = value == null ? defaultLimit : Integer.parseInt(value);
        if (limit < 1 || limit > max) {
            throw new InvalidQueryParameter("limit", "must be a whole number from 1 to " + max);
        }
        return limit;
    }

    /** Opaque to the gateway: only its shape is checked here; the read model decodes it, bound to the tenant. */
    public String cursor() {
        return matching("cursor", CURSOR, "a cursor from a previous page");
    }

    public static void ordered(String fromName, Comparable<?> from, String toName, Comparable<?> to) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean reversed = from != null && to != null && ((Comparable) from).compareTo(to) > 0;
        if (reversed) {
            throw new InvalidQueryParameter(toName, "must not be before " + fromName);
        }
    }
}
