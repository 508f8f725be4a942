package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where an audit page ends: the last row's ({@code occurredAt}, event id), bound to the tenant it was issued for.
 * Opaque to callers (Base64url); a cursor of another tenant matches nothing, whatever it says.
 */
public record AuditCursor(String tenantId, Instant occurredAt, String eventId) {

    private static final String VERSION = "a1";
    private static final int MAX_LENGTH = 1024;

    public static AuditCursor after(AuditEntry last) {
        return new AuditCursor(last.event().tenantId(), last.event().occurredAt(), last.event().eventId());
    }

    public String encode() {
        String plain = String.join("\n", VERSION, tenantId, occurredAt.toString(), eventId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static AuditCursor decode(String cursor) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            return new AuditCursor(parts[1], Instant.parse(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this service issued", e);
        }
    }
}
