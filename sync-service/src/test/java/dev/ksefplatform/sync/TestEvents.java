package dev.ksefplatform.sync;

import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InboxSyncFailed;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import dev.ksefplatform.schemas.v1.SubmissionsResumed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Avro events as the worker and credential-service publish them. */
public final class TestEvents {

    public static final String NIP = "5265877635";

    private TestEvents() {
    }

    public static EventEnvelope accepted(String tenantId, String commandId, String ksefNumber) {
        return envelope(tenantId, commandId, InvoiceAccepted.newBuilder().setKsefNumber(ksefNumber)
                .setInvoiceNumber("FV/2026/11/1").setInvoiceHash("aGFzaA==")
                .setSessionReferenceNumber("20261122-SO-2D1B4C7E1A-0F").setInvoiceReferenceNumber("20261122-EE-1")
                .setUpoDownloadUrl("https://upo.example/1").build());
    }

    public static EventEnvelope sentInvoiceStored(String tenantId, String commandId, String ksefNumber, byte[] xml) {
        return envelope(tenantId, commandId, dev.ksefplatform.schemas.v1.SentInvoiceStored.newBuilder()
                .setKsefNumber(ksefNumber).setInvoiceNumber("FV/2026/11/1")
                .setSessionReferenceNumber("20261122-SO-2D1B4C7E1A-0F").setAcquiredAt(Instant.parse("2026-11-22T10:00:00Z"))
                .setXml(java.nio.ByteBuffer.wrap(xml)).setSha256(sha256(xml)).build());
    }

    public static EventEnvelope upoReceived(String tenantId, String commandId, String ksefNumber, byte[] upo) {
        return envelope(tenantId, commandId, dev.ksefplatform.schemas.v1.UpoReceived.newBuilder()
                .setSessionReferenceNumber("20261122-SO-2D1B4C7E1A-0F").setKsefNumber(ksefNumber)
                .setUpo(java.nio.ByteBuffer.wrap(upo)).setSha256(sha256(upo)).build());
    }

    public static EventEnvelope rejected(String tenantId, String commandId) {
        return envelope(tenantId, commandId, InvoiceRejected.newBuilder().setKsefStatusCode(450)
                .setDescription("Błąd weryfikacji semantyki dokumentu faktury").setDetails(List.of("P_1 in future"))
                .setInvoiceNumber("FV/2026/11/2").build());
    }

    public static EventEnvelope sent(String tenantId, String commandId) {
        return envelope(tenantId, commandId, InvoiceSent.newBuilder().setSessionReferenceNumber("20261122-SO-3")
                .setInvoiceReferenceNumber("20261122-EE-3").setInvoiceHash("aGFzaA==").setInvoiceNumber("FV/3").build());
    }

    public static EventEnvelope held(String tenantId, String reason, Instant until) {
        return envelope(tenantId, "hold-" + tenantId, SubmissionsHeld.newBuilder().setContextNip(NIP)
                .setReason(reason).setDetail("180 sends per hour used; waiting for the budget")
                .setLimitGroup("invoiceSend").setUntil(until).setQueued(12).build());
    }

    public static EventEnvelope resumed(String tenantId) {
        return envelope(tenantId, "hold-" + tenantId, SubmissionsResumed.newBuilder().setContextNip(NIP).build());
    }

    public static EventEnvelope received(String tenantId, String ksefNumber, String xml) {
        return received(tenantId, ksefNumber, "Subject2", xml.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-21T08:00:00Z"));
    }

    public static EventEnvelope received(String tenantId, String ksefNumber, String subjectType, byte[] xml,
                                         Instant storedAt) {
        return envelope(tenantId, "sync-" + tenantId, InboxInvoiceReceived.newBuilder().setKsefNumber(ksefNumber)
                .setSubjectType(subjectType).setSellerNip(NIP).setInvoiceNumber("FA/7")
                .setIssueDate("2026-11-20").setPermanentStorageDate(storedAt)
                .setInvoiceHash(sha256(xml)).setXml(ByteBuffer.wrap(xml)).build());
    }

    public static EventEnvelope synced(String tenantId, Instant highWaterMark) {
        return synced(tenantId, "sync-" + tenantId, "Subject2", highWaterMark, Instant.now());
    }

    public static EventEnvelope synced(String tenantId, String commandId, String subjectType, Instant highWaterMark,
                                       Instant at) {
        return envelope(tenantId, commandId, at, InboxSyncCompleted.newBuilder().setSubjectType(subjectType)
                .setHighWaterMark(highWaterMark).setInvoicesReceived(1).build());
    }

    public static EventEnvelope syncFailed(String tenantId, String commandId, String subjectType, Instant at) {
        return envelope(tenantId, commandId, at, InboxSyncFailed.newBuilder().setSubjectType(subjectType)
                .setReason("KSeF answered 503").setRetryable(true).build());
    }

    public static EventEnvelope registered(String tenantId, String integrationId, Instant at) {
        return envelope(tenantId, integrationId, at, IntegrationRegistered.newBuilder().setIntegrationId(integrationId)
                .setEnvironment("TEST").setTaxpayerNip(NIP).setProviderNip("7010002137")
                .setCredentialType("KSEF_TOKEN").build());
    }

    public static EventEnvelope verified(String tenantId, String integrationId, List<String> scopes, Instant at) {
        return envelope(tenantId, integrationId, at, IntegrationVerified.newBuilder().setIntegrationId(integrationId)
                .setEnvironment("TEST").setTaxpayerNip(NIP).setProviderNip("7010002137").setScopes(scopes).build());
    }

    public static EventEnvelope statusChanged(String tenantId, String integrationId, String from, String to,
                                              Instant at) {
        return envelope(tenantId, integrationId, at, IntegrationStatusChanged.newBuilder()
                .setIntegrationId(integrationId).setEnvironment("TEST").setTaxpayerNip(NIP).setFromStatus(from)
                .setToStatus(to).build());
    }

    public static EventEnvelope envelope(String tenantId, String correlationId, Object payload) {
        return envelope(tenantId, correlationId, Instant.now(), payload);
    }

    public static EventEnvelope envelope(String tenantId, String correlationId, Instant at, Object payload) {
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(correlationId).setCausationId(correlationId)
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS)).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.submit").setTenantNip(NIP)
                        .setHttpStatus(200).setDurationMillis(42L).build())
                .setPayload(payload).build();
    }

    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
