package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.support.paging.KeysetCursor;
import java.time.Instant;

/**
 * Where a page of the operators' view across tenants ends: the last row's ({@code occurredAt}, event id). Of another
 * kind than a tenant's {@link AuditCursor}, so neither is taken where the other is expected.
 */
public record AuditorCursor(Instant occurredAt, String eventId) {

    private static final String KIND = "x1";
    private static final String ALL_TENANTS = "*";

    public static AuditorCursor after(AuditEntry last) {
        return new AuditorCursor(last.event().occurredAt(), last.event().eventId());
    }

    public String encode() {
        return new KeysetCursor(KIND, ALL_TENANTS, occurredAt, eventId).encode();
    }

    /** @throws IllegalArgumentException when the text is not an operators' cursor this service issued */
    public static AuditorCursor decode(String cursor) {
        KeysetCursor decoded = KeysetCursor.decode(KIND, cursor);
        return new AuditorCursor(decoded.at(), decoded.id());
    }
}
