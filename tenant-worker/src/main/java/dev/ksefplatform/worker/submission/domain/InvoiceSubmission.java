package dev.ksefplatform.worker.submission.domain;

import java.util.Objects;

/** A tenant's request to submit one invoice to KSeF: the {@code SubmitInvoice} command, free of wire types. */
public record InvoiceSubmission(CommandRef command, String environment, String contextNip, InvoiceForm form,
                                byte[] xml, String sha256, String invoiceNumber, boolean offlineMode) {

    public InvoiceSubmission {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(contextNip, "contextNip");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(xml, "xml");
    }

    /** KSeF's formCode triple. */
    public record InvoiceForm(String systemCode, String schemaVersion, String value) {
    }
}
