package dev.ksefplatform.commandapi.submission.adapter.r2dbc;

import dev.ksefplatform.commandapi.submission.application.CommandLog;
import dev.ksefplatform.commandapi.submission.domain.InvoiceDocument;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.submission.domain.Requester;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link CommandLog} in {@code gateway.commands}. The invoice XML is kept only until the command
 * is published: after that the event log holds it, and the gateway needs just the metadata. It is
 * kept as text: checked UTF-8 round-trips to the same bytes, and text needs no hex encoding. It is bound as its
 * bytes ({@link Utf8Text}), never decoded on the way in.
 */
public final class R2dbcCommandLog implements CommandLog {

    private final DatabaseClient db;

    public R2dbcCommandLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Recorded> record(InvoiceSubmission submission, String idempotencyKey) {
        return insert(submission, idempotencyKey)
                .switchIfEmpty(Mono.defer(() -> byIdempotencyKey(submission.tenantId(), idempotencyKey)));
    }

    /**
     * With {@code $n} markers, bound by index on the driver's statement: {@code DatabaseClient} would rewrite named
     * parameters into this on every insert (README "Cost of a request").
     */
    private static final String INSERT = """
            INSERT INTO gateway.commands (command_id, tenant_id, idempotency_key, invoice_number, sha256,
                state, environment, context_nip, seller_nip, xml, created_at, upstream_id, actor_type, actor_id)
            VALUES ($1, $2, $3, $4, $5, 'RECEIVED', $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
            RETURNING command_id, sha256""";

    private Mono<Recorded> insert(InvoiceSubmission s, String idempotencyKey) {
        InvoiceDocument invoice = s.invoice();
        return db.inConnection(connection -> {
            Statement insert = connection.createStatement(INSERT)
                    .bind(0, UUID.fromString(s.commandId()))
                    .bind(1, UUID.fromString(s.tenantId()))
                    .bind(4, invoice.sha256())
                    .bind(5, s.environment())
                    .bind(6, s.contextNip())
                    .bind(7, invoice.sellerNip())
                    .bind(8, new Utf8Text(invoice.xml()))
                    .bind(9, s.acceptedAt().atOffset(ZoneOffset.UTC));
            bindNullable(insert, 2, idempotencyKey);
            bindNullable(insert, 3, invoice.invoiceNumber());
            bindNullable(insert, 10, s.upstreamId());
            bindNullable(insert, 11, s.person() == null ? null : s.person().type());
            bindNullable(insert, 12, s.person() == null ? null : s.person().id());
            return Flux.from(insert.execute())
                    .flatMap(result -> result.map(row -> new Recorded(row.get("command_id", UUID.class).toString(),
                            row.get("sha256", String.class), true)))
                    .next();
        });
    }

    private static void bindNullable(Statement statement, int index, String value) {
        if (value == null) {
            statement.bindNull(index, String.class);
        } else {
            statement.bind(index, value);
        }
    }

    private Mono<Recorded> byIdempotencyKey(String tenantId, String idempotencyKey) {
        return db.sql("SELECT command_id, sha256 FROM gateway.commands WHERE tenant_id = :tenantId AND idempotency_key = :key")
                .bind("tenantId", UUID.fromString(tenantId))
                .bind("key", idempotencyKey)
                .map(row -> new Recorded(row.get("command_id", UUID.class).toString(), row.get("sha256", String.class), false))
                .one();
    }

    @Override
    public Mono<Void> markPublished(Collection<String> commandIds, Instant publishedAt) {
        return db.sql("""
                        UPDATE gateway.commands SET state = 'PUBLISHED', published_at = :publishedAt, xml = NULL
                        WHERE command_id = ANY(CAST(:commandIds AS uuid[])) AND state = 'RECEIVED'""")
                .bind("commandIds", commandIds.toArray(String[]::new))
                .bind("publishedAt", publishedAt.atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Mono<Long> markEventsSeen(Collection<String> commandIds, Instant seenAt) {
        return db.sql("""
                        UPDATE gateway.commands SET first_event_at = :seenAt
                        WHERE command_id = ANY(CAST(:commandIds AS uuid[])) AND first_event_at IS NULL""")
                .bind("commandIds", commandIds.toArray(String[]::new))
                .bind("seenAt", seenAt.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    @Override
    public Flux<InvoiceSubmission> claimUnpublished(Instant before, Instant now, Instant claimedUntil, int limit) {
        return db.sql("""
                        UPDATE gateway.commands c SET relay_claimed_until = :claimedUntil
                        FROM (SELECT command_id FROM gateway.commands
                              WHERE state = 'RECEIVED' AND created_at < :before
                                AND (relay_claimed_until IS NULL OR relay_claimed_until < :now)
                              ORDER BY created_at LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE c.command_id = due.command_id
                        RETURNING c.command_id, c.tenant_id, c.invoice_number, c.sha256, c.environment, c.context_nip,
                                  c.seller_nip, c.xml, c.created_at, c.upstream_id, c.actor_type, c.actor_id""")
                .bind("claimedUntil", claimedUntil.atOffset(ZoneOffset.UTC))
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(R2dbcCommandLog::submission)
                .all()
                .sort(java.util.Comparator.comparing(InvoiceSubmission::acceptedAt)); // RETURNING has no order
    }

    @Override
    public Flux<String> owned(String tenantId, Collection<String> commandIds) {
        return db.sql("""
                        SELECT command_id FROM gateway.commands
                        WHERE tenant_id = :tenantId AND command_id = ANY(CAST(:commandIds AS uuid[]))""")
                .bind("tenantId", UUID.fromString(tenantId))
                .bind("commandIds", commandIds.toArray(String[]::new))
                .map(row -> row.get("command_id", UUID.class).toString()).all();
    }

    @Override
    public Mono<Long> prune(Instant before, int limit) {
        return db.sql("""
                        DELETE FROM gateway.commands c
                        USING (SELECT command_id FROM gateway.commands
                               WHERE created_at < :before AND first_event_at < :before AND state = 'PUBLISHED'
                               ORDER BY created_at LIMIT :limit
                               FOR UPDATE SKIP LOCKED) old
                        WHERE c.command_id = old.command_id""")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .fetch().rowsUpdated();
    }

    @Override
    public Mono<RecordedCommand> find(String tenantId, String commandId) {
        return db.sql("""
                        SELECT command_id, tenant_id, invoice_number, state, created_at, first_event_at
                        FROM gateway.commands WHERE command_id = :commandId AND tenant_id = :tenantId""")
                .bind("commandId", UUID.fromString(commandId))
                .bind("tenantId", UUID.fromString(tenantId))
                .map(row -> new RecordedCommand(row.get("command_id", UUID.class).toString(),
                        row.get("tenant_id", UUID.class).toString(), row.get("invoice_number", String.class),
                        "PUBLISHED".equals(row.get("state", String.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("first_event_at", OffsetDateTime.class) != null))
                .one();
    }

    private static InvoiceSubmission submission(Readable row) {
        byte[] bytes = row.get("xml", String.class).getBytes(StandardCharsets.UTF_8);
        InvoiceDocument invoice = new InvoiceDocument(bytes, row.get("sha256", String.class),
                row.get("invoice_number", String.class), row.get("seller_nip", String.class));
        return new InvoiceSubmission(row.get("command_id", UUID.class).toString(), row.get("tenant_id", UUID.class).toString(),
                row.get("environment", String.class), row.get("context_nip", String.class), invoice,
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("upstream_id", String.class), person(row));
    }

    private static Requester person(Readable row) {
        String type = row.get("actor_type", String.class);
        String tenantId = row.get("tenant_id", UUID.class).toString();
        return type == null ? null
                : new Requester(type, row.get("actor_id", String.class), "STAFF".equals(type) ? tenantId : null);
    }
}
