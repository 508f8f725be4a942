package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InboxSyncFailed;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Inbox events. A received invoice whose bytes do not hash to the SHA-256 it declares is poison: the immutable
 * store keeps documents exactly as KSeF served them, never bytes damaged on the way.
 */
final class InboxPayloads {

    private InboxPayloads() {
    }

    static Optional<SyncEvent> toDomain(EventMeta meta, Object payload) {
        if (payload instanceof InboxInvoiceReceived p) {
            byte[] xml = bytes(p.getXml());
            requireHash(meta, xml, p.getInvoiceHash());
            return Optional.of(new InvoiceReceived(meta, p.getKsefNumber(), p.getSubjectType(), p.getSellerNip(),
                    p.getInvoiceNumber(), issueDate(meta, p.getIssueDate()), p.getPermanentStorageDate(),
                    p.getInvoiceHash(), xml));
        }
        if (payload instanceof InboxSyncCompleted p) {
            return Optional.of(
                    new InboxSynced(meta, p.getSubjectType(), p.getHighWaterMark(), p.getInvoicesReceived()));
        }
        if (payload instanceof InboxSyncFailed p) {
            return Optional.of(new InboxSyncFailure(meta, p.getSubjectType(), p.getReason(), p.getRetryable(),
                    p.getHighWaterMark()));
        }
        return Optional.empty();
    }

    static void requireHash(EventMeta meta, byte[] xml, String declared) {
        if (!Base64.getEncoder().encodeToString(sha256(xml)).equals(declared)) {
            throw new UnmappableEvent(meta.eventId(), "the XML does not hash to its declared SHA-256");
        }
    }

    private static LocalDate issueDate(EventMeta meta, String isoDate) {
        try {
            return isoDate == null ? null : LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            throw new UnmappableEvent(meta.eventId(), "issueDate is not yyyy-MM-dd");
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
