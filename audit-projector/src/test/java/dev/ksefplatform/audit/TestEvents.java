package dev.ksefplatform.audit;

import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.RateLimited;
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

    public static EventEnvelope envelope(String tenantId, String commandId, Instant occurredAt, AuditInfo audit,
                                         Object payload) {
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(commandId).setCausationId(commandId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS)).setSource("tenant-worker")
                .setAudit(audit).setPayload(payload).build();
    }
}
