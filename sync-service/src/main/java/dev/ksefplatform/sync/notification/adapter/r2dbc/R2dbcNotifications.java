package dev.ksefplatform.sync.notification.adapter.r2dbc;

import dev.ksefplatform.support.paging.KeysetQuery;
import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.notification.application.NotificationCursor;
import dev.ksefplatform.sync.notification.application.Notifications;
import dev.ksefplatform.sync.notification.domain.Notification;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code sync.notifications}: one statement per batch; keyset pages on {@code notifications_tenant_listed}. */
public final class R2dbcNotifications implements Notifications {

    private final DatabaseClient db;

    public R2dbcNotifications(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> addAll(Collection<Notification> notifications) {
        BatchRows<Notification> rows = BatchRows.of(List.copyOf(notifications))
                .text("event_id", Notification::eventId).text("tenant_id", Notification::tenantId)
                .timestamp("occurred_at", Notification::occurredAt).text("kind", n -> n.kind().name())
                .text("severity", n -> n.severity().name()).text("subject", Notification::subject)
                .text("context_nip", Notification::contextNip).text("message", Notification::message)
                .text("action", Notification::action);
        return rows.bind(db.sql("INSERT INTO sync.notifications (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (event_id) DO NOTHING")).then();
    }

    @Override
    public Flux<Notification> page(String tenantId, NotificationCursor after, int limit) {
        KeysetQuery query = KeysetQuery.forTenant(tenantId, limit);
        if (after != null) {
            query.after("occurred_at", "event_id", after.occurredAt(), after.eventId());
        }
        return query.bind(db.sql(query.sql("sync.notifications", "occurred_at", "event_id")))
                .map(R2dbcNotifications::toNotification).all();
    }

    private static Notification toNotification(Readable row) {
        return new Notification(row.get("event_id", String.class), row.get("tenant_id", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                Notification.Kind.valueOf(row.get("kind", String.class)),
                Notification.Severity.valueOf(row.get("severity", String.class)), row.get("subject", String.class),
                row.get("context_nip", String.class), row.get("message", String.class), row.get("action", String.class));
    }
}
