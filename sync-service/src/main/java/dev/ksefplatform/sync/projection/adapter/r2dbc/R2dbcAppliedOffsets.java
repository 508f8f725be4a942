package dev.ksefplatform.sync.projection.adapter.r2dbc;

import dev.ksefplatform.sync.projection.application.AppliedOffsets;
import dev.ksefplatform.sync.projection.domain.RecordPosition;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcAppliedOffsets implements AppliedOffsets {

    private final DatabaseClient db;

    public R2dbcAppliedOffsets(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> lastAppliedLocked(RecordPosition position) {
        return db.sql("SELECT last_offset FROM sync.applied_offsets"
                        + " WHERE consumer_group = :group AND topic = :topic AND partition = :partition FOR UPDATE")
                .bind("group", position.consumerGroup()).bind("topic", position.topic())
                .bind("partition", position.partition())
                .map(row -> row.get("last_offset", Long.class)).one().defaultIfEmpty(-1L);
    }

    @Override
    public Mono<Void> record(RecordPosition position) {
        return db.sql("INSERT INTO sync.applied_offsets (consumer_group, topic, partition, last_offset)"
                        + " VALUES (:group, :topic, :partition, :offset) ON CONFLICT (consumer_group, topic, partition)"
                        + " DO UPDATE SET last_offset = EXCLUDED.last_offset")
                .bind("group", position.consumerGroup()).bind("topic", position.topic())
                .bind("partition", position.partition()).bind("offset", position.offset())
                .then();
    }

    @Override
    public Mono<Map<Integer, Long>> all(String consumerGroup, String topic) {
        return db.sql("SELECT partition, last_offset FROM sync.applied_offsets"
                        + " WHERE consumer_group = :group AND topic = :topic")
                .bind("group", consumerGroup).bind("topic", topic)
                .map(row -> Map.entry(row.get("partition", Integer.class), row.get("last_offset", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
