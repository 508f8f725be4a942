package dev.ksefplatform.sync.notification.application;

import dev.ksefplatform.support.paging.CursorNotFound;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.util.List;
import reactor.core.publisher.Mono;

/** Pages of a tenant's notifications, newest first; every query is bound to the tenant. */
public final class NotificationQuery {

    public static final int MAX_LIMIT = 1000;

    private final Notifications notifications;
    private final TenantScope scope;

    public NotificationQuery(Notifications notifications, TenantScope scope) {
        this.notifications = notifications;
        this.scope = scope;
    }

    /** One page; a cursor issued for another tenant is {@link CursorNotFound} (404). */
    public Mono<NotificationPage> page(String tenantId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        NotificationCursor after = cursor == null ? null : NotificationCursor.decode(cursor);
        if (after != null && !after.tenantId().equals(tenantId)) {
            return Mono.error(new CursorNotFound());
        }
        return scope.read(tenantId, notifications.page(tenantId, after, limit + 1).collectList())
                .map(rows -> NotificationPage.of(rows, limit));
    }

    /** Rows of a page and the cursor of the next one (null on the last page). */
    public record NotificationPage(List<Notification> items, String nextCursor) {

        static NotificationPage of(List<Notification> rows, int limit) {
            if (rows.size() <= limit) {
                return new NotificationPage(rows, null);
            }
            List<Notification> page = List.copyOf(rows.subList(0, limit));
            return new NotificationPage(page, NotificationCursor.after(page.get(limit - 1)).encode());
        }
    }
}
