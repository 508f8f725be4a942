package dev.ksefplatform.support.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a keyset page ends — the last row's (instant, id) — bound to the tenant it was issued for and to the kind of
 * list it pages. Opaque to callers (Base64url); a cursor of another tenant or another list matches nothing, whatever
 * it says. Shared by every read model that pages newest first.
 */
public record KeysetCursor(String kind, String tenantId, Instant at, String id) {

    private static final int MAX_LENGTH = 1024;

    public String encode() {
        String plain = String.join("\n", kind, tenantId, at.toString(), id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor of this kind that this service issued */
    public static KeysetCursor decode(String kind, String cursor) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !kind.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            return new KeysetCursor(parts[0], parts[1], Instant.parse(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this service issued", e);
        }
    }
}
