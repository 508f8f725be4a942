package dev.ksefplatform.commandapi.submission.domain;

import java.time.Instant;

/**
 * An accepted request to submit one invoice in the tenant's own context: the {@code SubmitInvoice} command.
 *
 * @param upstreamId the upstream system that published it on its ingress topic; null for the tenant's own REST call
 */
public record InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                                InvoiceDocument invoice, Instant acceptedAt, String upstreamId) {

    /** The tenant's own submission (REST). */
    public InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                             InvoiceDocument invoice, Instant acceptedAt) {
        this(commandId, tenantId, environment, contextNip, invoice, acceptedAt, null);
    }
}
