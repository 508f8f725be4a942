package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.support.paging.KeysetCursor;
import java.time.Instant;

/**
 * Where an audit page ends: the last row's ({@code occurredAt}, event id), bound to the tenant it was issued for.
 * Opaque to callers (Base64url); a cursor of another tenant matches nothing, whatever it says.
 */
public record AuditCursor(String tenantId, Instant occurredAt, String eventId) {

    private static final String KIND = "a1";

    public static AuditCursor after(AuditEntry last) {
        return new AuditCursor(last.event().tenantId(), last.event().occurredAt(), last.event().eventId());
    }

    public String encode() {
        return new KeysetCursor(KIND, tenantId, occurredAt, eventId).encode();
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static AuditCursor decode(String cursor) {
        KeysetCursor decoded = KeysetCursor.decode(KIND, cursor);
        return new AuditCursor(decoded.tenantId(), decoded.at(), decoded.id());
    }
}
