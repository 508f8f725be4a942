package dev.ksefplatform.commandapi.upstream.application;

import java.time.Instant;

/**
 * A command as an upstream system published it on its ingress topic, decoded.
 *
 * @param upstreamId  the system, known from the topic it could write (never from the record itself)
 * @param payloadType the command's type, e.g. {@code SubmitInvoice}
 * @param occurredAt  when the system created the command (the envelope's {@code occurredAt})
 * @param xml         the invoice of a {@code SubmitInvoice}; null for other types
 */
public record IngressCommand(String upstreamId, String messageId, String tenantId, Instant occurredAt,
                             String payloadType, byte[] xml) {

    public static final String SUBMIT_INVOICE = "SubmitInvoice";
}
