package dev.ksefplatform.sync.inbox.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What an inbox listing is narrowed to; every part is optional. {@code text} is searched for in the invoice
 * number (P_2), case-insensitively.
 */
public record InboxFilter(LocalDate issuedFrom, LocalDate issuedTo, String sellerNip, String subjectType,
                          BigDecimal grossFrom, BigDecimal grossTo, String text) {

    public static final int MAX_TEXT = 100;
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    public InboxFilter {
        if (issuedFrom != null && issuedTo != null && issuedFrom.isAfter(issuedTo)) {
            throw new IllegalArgumentException("issuedFrom must not be after issuedTo");
        }
        if (grossFrom != null && grossTo != null && grossFrom.compareTo(grossTo) > 0) {
            throw new IllegalArgumentException("grossFrom must not be above grossTo");
        }
        if (sellerNip != null && !NIP.matcher(sellerNip).matches()) {
            throw new IllegalArgumentException("sellerNip must be 10 digits");
        }
        if (subjectType != null) {
            SubjectTypes.require(subjectType);
        }
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("q must be 1 to " + MAX_TEXT + " characters");
        }
    }

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null, null, null);
    }
}
