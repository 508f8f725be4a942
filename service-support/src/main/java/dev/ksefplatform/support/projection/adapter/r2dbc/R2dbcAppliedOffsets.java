package dev.ksefplatform.support.projection.adapter.r2dbc;

import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Offsets in {@code <schema>.applied_offsets(consumer_group, topic, partition, last_offset)}, a table each
 * service creates in its own Flyway migration. Run it inside the read-model transaction; each call is one statement.
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

    /** Creates missing rows and locks them all in one statement: the no-op update takes each row's lock. */
    @Override
    public Mono<Map<Integer, Long>> lock(String consumerGroup, String topic, Collection<Integer> partitions) {
        return db.sql("INSERT INTO " + table + " AS o (consumer_group, topic, partition, last_offset)"
                        + " SELECT :group, :topic, p, " + RecordPosition.NONE_APPLIED
                        + " FROM unnest(CAST(:partitions AS integer[])) AS p ORDER BY p"
                        + " ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET last_offset = o.last_offset"
                        + " RETURNING partition, last_offset")
                .bind("group", consumerGroup).bind("topic", topic)
                .bind("partitions", partitions.toArray(Integer[]::new))
                .map(row -> Map.entry(row.get("partition", Integer.class), row.get("last_offset", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Mono<Void> record(String consumerGroup, String topic, Map<Integer, Long> lastOffsets) {
        if (lastOffsets.isEmpty()) {
            return Mono.empty();
        }
        Integer[] partitions = lastOffsets.keySet().toArray(Integer[]::new);
        Long[] offsets = java.util.Arrays.stream(partitions).map(lastOffsets::get).toArray(Long[]::new);
        return db.sql("UPDATE " + table + " AS o SET last_offset = v.last_offset"
                        + " FROM unnest(CAST(:partitions AS integer[]), CAST(:offsets AS bigint[])) AS v(partition, last_offset)"
                        + " WHERE o.consumer_group = :group AND o.topic = :topic AND o.partition = v.partition")
                .bind("group", consumerGroup).bind("topic", topic)
                .bind("partitions", partitions).bind("offsets", offsets)
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
