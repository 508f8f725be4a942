package dev.ksefplatform.audit;

import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.schemas.v1.StaffActingEnded;
import dev.ksefplatform.schemas.v1.StaffActingStarted;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Avro events as the platform's services publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope callFailed(String tenantId, String commandId, Instant occurredAt) {
        return envelope(tenantId, commandId, occurredAt,
                AuditInfo.newBuilder().setOperation("ksef.invoice.submit").setTenantNip("5265877635")
                        .setProviderNip("7010002137").setHttpStatus(503).setDurationMillis(1200L)
                        .setError("KSeF 503 Service Unavailable").setIntegrationId("integration-7").setKsefCode(21405)
                        .setActor(Actor.newBuilder().setType("TENANT").setId("key-1").build()).build(),
                KsefCallFailed.newBuilder().setErrorCode(503).setMessage("unavailable").setRetryable(true).build());
    }

    public static EventEnvelope rateLimited(String tenantId, String commandId, Instant occurredAt) {
        return envelope(tenantId, commandId, occurredAt,
                AuditInfo.newBuilder().setOperation("ksef.invoice.submit").setHttpStatus(429).build(),
                RateLimited.newBuilder().setRetryAfterSeconds(30).build());
    }

    /** One {@code KsefCallRecorded} as the worker publishes it, for a call in context {@code contextNip}. */
    public static EventEnvelope ksefCall(String tenantId, String commandId, Instant occurredAt, Call call) {
        return envelope(tenantId, commandId, occurredAt,
                AuditInfo.newBuilder().setOperation(call.operation()).setTenantNip(call.contextNip())
                        .setProviderNip("7010002137").setHttpStatus(call.httpStatus()).setDurationMillis(85L)
                        .setIntegrationId(call.integrationId()).setKsefCode(call.ksefCode())
                        .setError(call.httpStatus() >= 400 ? "KSeF " + call.httpStatus() : null)
                        .setActor(Actor.newBuilder().setType("TENANT").setId("key-1").build()).build(),
                KsefCallRecorded.newBuilder().setMethod(call.method()).setEndpoint(call.endpoint())
                        .setCalls(call.calls()).setFirstCallAt(occurredAt.minusSeconds(call.calls() - 1L)
                                .truncatedTo(ChronoUnit.MILLIS))
                        .setSessionReferenceNumber("20261122-SO-2B5D3C7A0F-9B6E9C1D2A-7F").build());
    }

    /** An operator starting ({@code start}) or ending act-for, as command-api publishes it for the console. */
    public static EventEnvelope staffActing(String tenantId, String operatorId, boolean start, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        return envelope(tenantId, id, occurredAt,
                AuditInfo.newBuilder().setOperation(start ? "staff.act-for.start" : "staff.act-for.end")
                        .setTenantNip("5265877635")
                        .setActor(Actor.newBuilder().setType("STAFF").setId(operatorId).setOnBehalfOf(tenantId).build())
                        .build(),
                start ? StaffActingStarted.newBuilder().setOperator(operatorId).build()
                        : StaffActingEnded.newBuilder().setOperator(operatorId).build());
    }

    /** The same call made by an operator ({@code STAFF}) acting for the tenant. */
    public static EventEnvelope staffCall(String tenantId, String commandId, Instant occurredAt, Call call,
                                          String operatorId) {
        EventEnvelope event = ksefCall(tenantId, commandId, occurredAt, call);
        event.getAudit().setActor(Actor.newBuilder().setType("STAFF").setId(operatorId).setOnBehalfOf(tenantId).build());
        return event;
    }

    /** What one recorded call says. */
    public record Call(String operation, String method, String endpoint, String contextNip, String integrationId,
                       int httpStatus, Integer ksefCode, int calls) {

        public static Call sendInvoice(String contextNip, int httpStatus) {
            return new Call("ksef.session.invoice.send", "POST", "/sessions/online/{referenceNumber}/invoices",
                    contextNip, "integration-7", httpStatus, null, 1);
        }

        public static Call statusPolls(String contextNip, int calls) {
            return new Call("ksef.session.status", "GET", "/sessions/{referenceNumber}", contextNip, "integration-7",
                    200, null, calls);
        }

        public Call withIntegration(String id) {
            return new Call(operation, method, endpoint, contextNip, id, httpStatus, ksefCode, calls);
        }
    }

    /** A tenant's integration account registered, as credential-service publishes it. */
    public static EventEnvelope integrationRegistered(String tenantId, String integrationId) {
        return envelope(tenantId, integrationId, Instant.now(),
                AuditInfo.newBuilder().setOperation("integration.register").setIntegrationId(integrationId).build(),
                IntegrationRegistered.newBuilder().setIntegrationId(integrationId).setEnvironment("TEST")
                        .setTaxpayerNip("5265877635").setProviderNip("7010002137").setCredentialType("KSEF_TOKEN")
                        .build());
    }

    /** An accepted invoice whose audit names {@code integrationId} (null: none). */
    public static EventEnvelope invoiceAccepted(String tenantId, String commandId, String integrationId) {
        return envelope(tenantId, commandId, Instant.now(), regulated("ksef.invoice.submit", integrationId),
                InvoiceAccepted.newBuilder().setKsefNumber("5265877635-20261123-0100001AF1D2-E4")
                        .setInvoiceHash("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                        .setSessionReferenceNumber("20261123-SO-1").setInvoiceReferenceNumber("20261123-EE-1").build());
    }

    /** A received document whose audit names {@code integrationId} (null: none). */
    public static EventEnvelope inboxInvoiceReceived(String tenantId, String commandId, String integrationId) {
        return envelope(tenantId, commandId, Instant.now(), regulated("ksef.inbox.sync", integrationId),
                InboxInvoiceReceived.newBuilder().setKsefNumber("7010002137-20261123-0100001AF1D2-E4")
                        .setSubjectType("Subject2").setSellerNip("7010002137")
                        .setInvoiceHash("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                        .setXml(ByteBuffer.allocate(0)).build());
    }

    private static AuditInfo regulated(String operation, String integrationId) {
        return AuditInfo.newBuilder().setOperation(operation).setTenantNip("5265877635").setIntegrationId(integrationId)
                .setActor(Actor.newBuilder().setType("SYSTEM").setId("test").build()).build();
    }

    public static EventEnvelope envelope(String tenantId, String commandId, Instant occurredAt, AuditInfo audit,
                                         Object payload) {
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(commandId).setCausationId(commandId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS)).setSource("tenant-worker")
                .setAudit(audit).setPayload(payload).build();
    }
}
