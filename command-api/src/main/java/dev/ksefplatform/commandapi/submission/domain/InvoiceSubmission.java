package dev.ksefplatform.commandapi.submission.domain;

import java.time.Instant;

/**
 * An accepted request to submit one invoice in the tenant's own context: the {@code SubmitInvoice} command.
 *
 * @param upstreamId the upstream system that published it on its ingress topic; null for a REST call
 * @param person     the console's person (tenant user or operator) who asked; null for an API key or upstream system
 */
public record InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                                InvoiceDocument invoice, Instant acceptedAt, String upstreamId, Requester person) {

    /** The tenant's own submission (REST, its API key). */
    public InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                             InvoiceDocument invoice, Instant acceptedAt) {
        this(commandId, tenantId, environment, contextNip, invoice, acceptedAt, null, null);
    }

    /** An upstream system's submission. */
    public InvoiceSubmission(String commandId, String tenantId, String environment, String contextNip,
                             InvoiceDocument invoice, Instant acceptedAt, String upstreamId) {
        this(commandId, tenantId, environment, contextNip, invoice, acceptedAt, upstreamId, null);
    }
}
