package dev.ksefplatform.sync.webhook.adapter.r2dbc;

import dev.ksefplatform.sync.webhook.application.SigningSecrets;
import dev.ksefplatform.sync.webhook.application.WebhookRegistration.Registered;
import dev.ksefplatform.sync.webhook.application.Webhooks;
import dev.ksefplatform.sync.webhook.domain.Delivery;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code sync.webhooks}; registration time is the database's, the clock the deliveries are compared with. The signing
 * secret is stored sealed ({@link SigningSecrets}), never in clear.
 */
public final class R2dbcWebhooks implements Webhooks {

    private final DatabaseClient db;
    private final SigningSecrets secrets;

    public R2dbcWebhooks(DatabaseClient db, SigningSecrets secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    @Override
    public Mono<Webhook> add(Webhook webhook, String signingSecret) {
        SealedSecret sealed = secrets.seal(webhook.webhookId(), webhook.tenantId(), signingSecret);
        return db.sql("INSERT INTO sync.webhooks (webhook_id, tenant_id, url, secret_key_id, secret_sealed)"
                        + " VALUES (:id, :tenant, :url, :keyId, :sealed) ON CONFLICT (webhook_id) DO NOTHING"
                        + " RETURNING webhook_id, tenant_id, url, created_at")
                .bind("id", UUID.fromString(webhook.webhookId())).bind("tenant", webhook.tenantId())
                .bind("url", webhook.url()).bind("keyId", sealed.keyId()).bind("sealed", ByteBuffer.wrap(sealed.sealed()))
                .map(R2dbcWebhooks::toWebhook).one();
    }

    @Override
    public Mono<Registered> registeredWithin(String tenantId, String webhookId, String url, Duration within) {
        return uuid(webhookId).flatMap(id -> db.sql("SELECT webhook_id, tenant_id, url, created_at, secret_key_id,"
                        + " secret_sealed FROM sync.webhooks WHERE tenant_id = :tenant AND webhook_id = :id"
                        + " AND url = :url AND created_at > now() - make_interval(secs => :seconds)")
                .bind("tenant", tenantId).bind("id", id).bind("url", url).bind("seconds", (double) within.toSeconds())
                .map(row -> {
                    Webhook webhook = toWebhook(row);
                    return new Registered(webhook, secrets.open(webhook.webhookId(), tenantId, new SealedSecret(
                            row.get("secret_key_id", String.class), bytes(row.get("secret_sealed", ByteBuffer.class)))));
                }).one());
    }

    @Override
    public Flux<Webhook> of(String tenantId) {
        return db.sql("SELECT webhook_id, tenant_id, url, created_at FROM sync.webhooks WHERE tenant_id = :tenant"
                        + " ORDER BY created_at")
                .bind("tenant", tenantId).map(R2dbcWebhooks::toWebhook).all();
    }

    @Override
    public Mono<Boolean> remove(String tenantId, String webhookId) {
        return uuid(webhookId).flatMap(id -> db.sql("DELETE FROM sync.webhooks WHERE tenant_id = :tenant AND webhook_id = :id")
                .bind("tenant", tenantId).bind("id", id).fetch().rowsUpdated()).map(rows -> rows > 0)
                .defaultIfEmpty(false);
    }

    @Override
    public Flux<Delivery> deliveries(String tenantId, String webhookId, int limit) {
        return uuid(webhookId).flatMapMany(id -> db.sql("SELECT * FROM sync.webhook_deliveries WHERE tenant_id = :tenant"
                        + " AND webhook_id = :id ORDER BY created_at DESC, event_id DESC LIMIT :limit")
                .bind("tenant", tenantId).bind("id", id).bind("limit", limit)
                .map(R2dbcWebhooks::toDelivery).all());
    }

    private static Mono<UUID> uuid(String text) {
        try {
            return Mono.just(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    private static Webhook toWebhook(Readable row) {
        return new Webhook(row.get("webhook_id", UUID.class).toString(), row.get("tenant_id", String.class),
                row.get("url", String.class), instant(row.get("created_at", OffsetDateTime.class)));
    }

    private static Delivery toDelivery(Readable row) {
        return new Delivery(row.get("event_id", String.class), row.get("status", String.class),
                row.get("attempts", Integer.class), row.get("last_http_status", Integer.class),
                row.get("last_error", String.class), instant(row.get("next_attempt_at", OffsetDateTime.class)),
                instant(row.get("delivered_at", OffsetDateTime.class)), instant(row.get("created_at", OffsetDateTime.class)));
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
