package dev.ksefplatform.support.projection.adapter.r2dbc;

import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Offsets in {@code <schema>.applied_offsets(consumer_group, topic, partition, last_offset)}, a table each
 * service creates in its own Flyway migration. Run it inside the read-model transaction.
 */
public final class R2dbcAppliedOffsets implements AppliedOffsets {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DatabaseClient db;
    private final String table;

    public R2dbcAppliedOffsets(DatabaseClient db, String schema) {
        // The schema is spliced into SQL, so only a plain lower-case identifier is accepted.
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain lower-case SQL identifier: " + schema);
        }
        this.db = db;
        this.table = schema + ".applied_offsets";
    }

    public String table() {
        return table;
    }

    @Override
    public Mono<Long> lastAppliedLocked(RecordPosition position) {
        return db.sql("SELECT last_offset FROM " + table
                        + " WHERE consumer_group = :group AND topic = :topic AND partition = :partition FOR UPDATE")
                .bind("group", position.consumerGroup()).bind("topic", position.topic())
                .bind("partition", position.partition())
                .map(row -> row.get("last_offset", Long.class)).one().defaultIfEmpty(RecordPosition.NONE_APPLIED);
    }

    @Override
    public Mono<Void> record(RecordPosition position) {
        return db.sql("INSERT INTO " + table + " (consumer_group, topic, partition, last_offset)"
                        + " VALUES (:group, :topic, :partition, :offset) ON CONFLICT (consumer_group, topic, partition)"
                        + " DO UPDATE SET last_offset = EXCLUDED.last_offset")
                .bind("group", position.consumerGroup()).bind("topic", position.topic())
                .bind("partition", position.partition()).bind("offset", position.offset())
                .then();
    }

    @Override
    public Mono<Map<Integer, Long>> all(String consumerGroup, String topic) {
        return db.sql("SELECT partition, last_offset FROM " + table
                        + " WHERE consumer_group = :group AND topic = :topic")
                .bind("group", consumerGroup).bind("topic", topic)
                .map(row -> Map.entry(row.get("partition", Integer.class), row.get("last_offset", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
