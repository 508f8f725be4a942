package dev.ksefplatform.sync.submission.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * What a submissions listing is narrowed to; every part is optional. Dates are UTC days of {@code createdAt},
 * inclusive; {@code invoiceNumber} is matched exactly (P_2 as the event carried it).
 */
public record SubmissionFilter(SubmissionStatus status, String invoiceNumber, LocalDate createdFrom,
                               LocalDate createdTo) {

    public static final int MAX_INVOICE_NUMBER = 256;

    public SubmissionFilter {
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new IllegalArgumentException("createdFrom must not be after createdTo");
        }
        if (invoiceNumber != null && (invoiceNumber.isEmpty() || invoiceNumber.length() > MAX_INVOICE_NUMBER)) {
            throw new IllegalArgumentException("invoiceNumber must be 1 to " + MAX_INVOICE_NUMBER + " characters");
        }
    }

    /** From query text; anything unreadable is an {@link IllegalArgumentException} naming the parameter. */
    public static SubmissionFilter parse(String status, String invoiceNumber, String createdFrom, String createdTo) {
        return new SubmissionFilter(status(status), invoiceNumber, date("createdFrom", createdFrom),
                date("createdTo", createdTo));
    }

    private static SubmissionStatus status(String status) {
        try {
            return status == null ? null : SubmissionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of " + Arrays.toString(SubmissionStatus.values()), e);
        }
    }

    private static LocalDate date(String name, String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date yyyy-MM-dd", e);
        }
    }

    public static SubmissionFilter none() {
        return new SubmissionFilter(null, null, null, null);
    }
}
