package dev.ksefplatform.ksef.client;

import java.time.Instant;
import java.util.Objects;

/** The required filters of a metadata query; the range may span at most 3 months. {@code to} may be null (now). */
public record InvoiceQuery(SubjectType subjectType, DateType dateType, Instant from, Instant to,
                           boolean restrictToPermanentStorageHwmDate) {

    public enum SubjectType { Subject1, Subject2, Subject3, SubjectAuthorized }

    public enum DateType { Issue, Invoicing, PermanentStorage }

    public InvoiceQuery {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(dateType, "dateType");
        Objects.requireNonNull(from, "from");
    }

    /** Received invoices (the context is the buyer) stored since {@code from}, up to the permanent-storage HWM. */
    public static InvoiceQuery receivedSince(Instant from) {
        return new InvoiceQuery(SubjectType.Subject2, DateType.PermanentStorage, from, null, true);
    }
}
