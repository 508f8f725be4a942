package dev.ksefplatform.commandapi.submission.domain;

import java.time.Instant;

/** An accepted request to submit one invoice in the tenant's own context: the {@code SubmitInvoice} command. */
public record InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                                InvoiceDocument invoice, Instant acceptedAt) {
}
