package dev.ksefplatform.sync.webhook.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.webhook.application.DeliveryOutbox;
import dev.ksefplatform.sync.webhook.application.DueDelivery;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code sync.webhook_deliveries}. Claims are one atomic {@code UPDATE … FOR UPDATE SKIP LOCKED}, so several instances
 * never send one delivery at once; a claim outlives a crashed dispatcher and the delivery is taken again (at least
 * once: receivers deduplicate by notification id). Times are the database's.
 */
public final class R2dbcDeliveryOutbox implements DeliveryOutbox {

    private final DatabaseClient db;

    public R2dbcDeliveryOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> enqueue(List<Notification> notifications) {
        BatchRows<Notification> rows = BatchRows.of(notifications).text("event_id", Notification::eventId)
                .text("tenant_id", Notification::tenantId).timestamp("occurred_at", Notification::occurredAt);
        return rows.bind(db.sql("INSERT INTO sync.webhook_deliveries (webhook_id, event_id, tenant_id, status)"
                + " SELECT w.webhook_id, n.event_id, n.tenant_id, 'PENDING' FROM (" + rows.select() + ") n"
                + " JOIN sync.webhooks w ON w.tenant_id = n.tenant_id AND n.occurred_at >= w.created_at"
                + " ON CONFLICT (webhook_id, event_id) DO NOTHING")).then();
    }

    @Override
    public Flux<DueDelivery> claimDue(int limit, Duration claim) {
        return db.sql("""
                        WITH claimed AS (
                          UPDATE sync.webhook_deliveries d SET claimed_until = now() + make_interval(secs => :claim)
                          FROM (SELECT webhook_id, event_id FROM sync.webhook_deliveries
                                WHERE status = 'PENDING' AND next_attempt_at <= now()
                                  AND (claimed_until IS NULL OR claimed_until < now())
                                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                          WHERE d.webhook_id = due.webhook_id AND d.event_id = due.event_id
                          RETURNING d.webhook_id, d.event_id, d.attempts)
                        SELECT c.webhook_id, c.attempts, w.url, w.secret_key_id, w.secret_sealed, n.*
                        FROM claimed c JOIN sync.webhooks w USING (webhook_id)
                        JOIN sync.notifications n ON n.event_id = c.event_id""")
                .bind("claim", (double) claim.toSeconds()).bind("limit", limit)
                .map(R2dbcDeliveryOutbox::toDue).all();
    }

    @Override
    public Mono<Void> delivered(DueDelivery delivery, int httpStatus) {
        return db.sql("UPDATE sync.webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1,"
                        + " last_http_status = :status, last_error = NULL, delivered_at = now(), claimed_until = NULL"
                        + " WHERE webhook_id = :webhook AND event_id = :event")
                .bind("status", httpStatus).bind("webhook", UUID.fromString(delivery.webhookId()))
                .bind("event", delivery.notification().eventId()).then();
    }

    @Override
    public Mono<Void> failed(DueDelivery delivery, Integer httpStatus, String error, Duration retryIn) {
        return db.sql("UPDATE sync.webhook_deliveries SET attempts = attempts + 1, last_http_status = :status,"
                        + " last_error = :error, claimed_until = NULL,"
                        + " status = CASE WHEN CAST(:retry AS double precision) IS NULL THEN 'FAILED' ELSE 'PENDING' END,"
                        + " next_attempt_at = now() + make_interval(secs => COALESCE(CAST(:retry AS double precision), 0))"
                        + " WHERE webhook_id = :webhook AND event_id = :event")
                .bind("status", Parameter.fromOrEmpty(httpStatus, Integer.class)).bind("error", error)
                .bind("retry", Parameter.fromOrEmpty(retryIn == null ? null : retryIn.toMillis() / 1000.0, Double.class))
                .bind("webhook", UUID.fromString(delivery.webhookId()))
                .bind("event", delivery.notification().eventId()).then();
    }

    private static DueDelivery toDue(Readable row) {
        Notification notification = new Notification(row.get("event_id", String.class), row.get("tenant_id", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                Notification.Kind.valueOf(row.get("kind", String.class)),
                Notification.Severity.valueOf(row.get("severity", String.class)), row.get("subject", String.class),
                row.get("context_nip", String.class), row.get("message", String.class), row.get("action", String.class));
        String webhookId = row.get("webhook_id", UUID.class).toString();
        SealedSecret sealed = new SealedSecret(row.get("secret_key_id", String.class),
                R2dbcWebhooks.bytes(row.get("secret_sealed", ByteBuffer.class)));
        return new DueDelivery(webhookId, row.get("url", String.class), sealed, row.get("attempts", Integer.class),
                notification);
    }
}
