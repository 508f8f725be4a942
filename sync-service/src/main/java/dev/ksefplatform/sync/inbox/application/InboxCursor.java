package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.support.paging.KeysetCursor;
import java.time.Instant;

/**
 * Where an inbox page ends: the last row's ({@code listedAt}, KSeF number), bound to the tenant it was issued
 * for. Opaque to callers (Base64url); a cursor of another tenant matches nothing, whatever it says.
 */
public record InboxCursor(String tenantId, Instant listedAt, String ksefNumber) {

    private static final String KIND = "v1";

    public static InboxCursor after(InboxEntry last) {
        return new InboxCursor(last.tenantId(), last.listedAt(), last.ksefNumber());
    }

    public String encode() {
        return new KeysetCursor(KIND, tenantId, listedAt, ksefNumber).encode();
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static InboxCursor decode(String cursor) {
        KeysetCursor decoded = KeysetCursor.decode(KIND, cursor);
        return new InboxCursor(decoded.tenantId(), decoded.at(), decoded.id());
    }
}
