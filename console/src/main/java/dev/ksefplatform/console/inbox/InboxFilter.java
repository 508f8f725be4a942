package dev.ksefplatform.console.inbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The inbox's filters as a person typed them, checked here before anything reaches command-api (whose
 * {@code GET /api/v1/inbox} takes the same names): a NIP may carry spaces or dashes, an amount a comma and spaces
 * ({@code 1 234,56}). {@code errors} holds a message key per refused field; nothing is forwarded while there is one.
 *
 * @param entered   what the form shows again, as typed
 * @param forwarded the filters command-api is asked, normalised (no paging)
 * @param errors    field → message key
 */
public record InboxFilter(Map<String, String> entered, Map<String, String> forwarded, Map<String, String> errors) {

    static final Set<String> FIELDS = Set.of("issuedFrom", "issuedTo", "sellerNip", "subjectType", "grossFrom",
            "grossTo", "q");
    static final Set<String> SUBJECT_TYPES = Set.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized");
    private static final Pattern NIP = Pattern.compile("\\d{10}");
    private static final Pattern SUBJECT_TYPE = Pattern.compile(String.join("|", SUBJECT_TYPES));
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern NIP_SEPARATORS = Pattern.compile("[\\s\\u00a0-]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]");
    private static final int MAX_TEXT = 100;
    /** What a date input sends, and what a person types where a browser has no date picker. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT));

    static InboxFilter of(MultiValueMap<String, String> request) {
        InboxFilter filter = new InboxFilter(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        FIELDS.forEach(name -> filter.take(name, request.getFirst(name)));
        filter.date("issuedFrom");
        filter.date("issuedTo");
        filter.text("sellerNip", v -> NIP_SEPARATORS.matcher(v).replaceAll(""), NIP, "inbox.filter.error.nip");
        filter.text("subjectType", v -> v, SUBJECT_TYPE, "inbox.filter.error.subjectType");
        filter.text("grossFrom", InboxFilter::plainAmount, AMOUNT, "inbox.filter.error.amount");
        filter.text("grossTo", InboxFilter::plainAmount, AMOUNT, "inbox.filter.error.amount");
        filter.text("q", String::strip, Pattern.compile("[^\\p{Cntrl}]{1," + MAX_TEXT + "}"), "inbox.filter.error.q");
        filter.ordered();
        return filter;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The filters as query parameters, for command-api and for the paging links alike. */
    MultiValueMap<String, String> query() {
        var query = new LinkedMultiValueMap<String, String>();
        forwarded.forEach(query::add);
        return query;
    }

    private void take(String name, String value) {
        if (value != null && !value.isBlank()) {
            entered.put(name, value);
        }
    }

    private void date(String name) {
        String value = entered.get(name);
        if (value == null) {
            return;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                forwarded.put(name, LocalDate.parse(value.strip(), format).toString());
                return;
            } catch (DateTimeParseException e) {
                // the next format, or the error below
            }
        }
        errors.put(name, "inbox.filter.error.date");
    }

    private void text(String name, java.util.function.UnaryOperator<String> normal, Pattern valid, String error) {
        String value = entered.get(name);
        if (value == null) {
            return;
        }
        String normalised = normal.apply(value);
        if (valid.matcher(normalised).matches()) {
            forwarded.put(name, normalised);
        } else {
            errors.put(name, error);
        }
    }

    private void ordered() {
        if (forwarded.containsKey("issuedFrom") && forwarded.containsKey("issuedTo")
                && LocalDate.parse(forwarded.get("issuedFrom")).isAfter(LocalDate.parse(forwarded.get("issuedTo")))) {
            errors.put("issuedTo", "inbox.filter.error.dateOrder");
        }
        if (forwarded.containsKey("grossFrom") && forwarded.containsKey("grossTo")
                && new BigDecimal(forwarded.get("grossFrom")).compareTo(new BigDecimal(forwarded.get("grossTo"))) > 0) {
            errors.put("grossTo", "inbox.filter.error.amountOrder");
        }
    }

    private static String plainAmount(String value) {
        return SPACES.matcher(value).replaceAll("").replace(',', '.');
    }
}
