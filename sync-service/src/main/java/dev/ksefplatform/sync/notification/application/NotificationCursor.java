package dev.ksefplatform.sync.notification.application;

import dev.ksefplatform.support.paging.KeysetCursor;
import dev.ksefplatform.sync.notification.domain.Notification;
import java.time.Instant;

/** Where a feed page ends: the last row's (occurredAt, event id), bound to the tenant it was issued for. */
public record NotificationCursor(String tenantId, Instant occurredAt, String eventId) {

    private static final String KIND = "n1";

    static NotificationCursor after(Notification last) {
        return new NotificationCursor(last.tenantId(), last.occurredAt(), last.eventId());
    }

    String encode() {
        return new KeysetCursor(KIND, tenantId, occurredAt, eventId).encode();
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    static NotificationCursor decode(String cursor) {
        KeysetCursor decoded = KeysetCursor.decode(KIND, cursor);
        return new NotificationCursor(decoded.tenantId(), decoded.at(), decoded.id());
    }
}
