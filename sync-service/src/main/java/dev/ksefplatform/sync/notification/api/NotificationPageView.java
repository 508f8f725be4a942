package dev.ksefplatform.sync.notification.api;

import dev.ksefplatform.sync.notification.application.NotificationQuery.NotificationPage;
import dev.ksefplatform.sync.notification.domain.Notification;
import java.time.Instant;
import java.util.List;

/** A page of the feed, newest first; {@code nextCursor} is null on the last page. */
public record NotificationPageView(List<Item> items, String nextCursor) {

    static NotificationPageView of(NotificationPage page) {
        return new NotificationPageView(page.items().stream().map(Item::of).toList(), page.nextCursor());
    }

    /** What happened ({@code message}) and what to do ({@code action}, null when nothing). */
    public record Item(String notificationId, Instant occurredAt, String kind, String severity, String subject,
                       String contextNip, String message, String action) {

        static Item of(Notification n) {
            return new Item(n.eventId(), n.occurredAt(), n.kind().name(), n.severity().name(), n.subject(),
                    n.contextNip(), n.message(), n.action());
        }
    }
}
