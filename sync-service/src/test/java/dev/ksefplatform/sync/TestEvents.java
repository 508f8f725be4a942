package dev.ksefplatform.sync;

import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Avro events as the worker would publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope accepted(String tenantId, String commandId, String ksefNumber) {
        return envelope(tenantId, commandId, InvoiceAccepted.newBuilder().setKsefNumber(ksefNumber)
                .setInvoiceNumber("FV/2026/11/1").setInvoiceHash("aGFzaA==")
                .setSessionReferenceNumber("20261122-SO-2D1B4C7E1A-0F").setInvoiceReferenceNumber("20261122-EE-1")
                .setUpoDownloadUrl("https://upo.example/1").build());
    }

    public static EventEnvelope rejected(String tenantId, String commandId) {
        return envelope(tenantId, commandId, InvoiceRejected.newBuilder().setKsefStatusCode(450)
                .setDescription("Błąd weryfikacji semantyki dokumentu faktury").setDetails(List.of("P_1 in future"))
                .setInvoiceNumber("FV/2026/11/2").build());
    }

    public static EventEnvelope received(String tenantId, String ksefNumber, String xml) {
        return envelope(tenantId, "sync-" + tenantId, InboxInvoiceReceived.newBuilder().setKsefNumber(ksefNumber)
                .setSubjectType("Subject2").setSellerNip("5265877635").setInvoiceNumber("FA/7")
                .setIssueDate("2026-11-20").setPermanentStorageDate(Instant.parse("2026-11-21T08:00:00Z"))
                .setInvoiceHash("aGFzaA==").setXml(ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8))).build());
    }

    public static EventEnvelope synced(String tenantId, Instant highWaterMark) {
        return envelope(tenantId, "sync-" + tenantId, InboxSyncCompleted.newBuilder().setSubjectType("Subject2")
                .setHighWaterMark(highWaterMark).setInvoicesReceived(1).build());
    }

    public static EventEnvelope envelope(String tenantId, String correlationId, Object payload) {
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(correlationId).setCausationId(correlationId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.submit").setTenantNip("5265877635")
                        .setHttpStatus(200).setDurationMillis(42L).build())
                .setPayload(payload).build();
    }
}
