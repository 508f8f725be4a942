package dev.ksefplatform.worker.outbox.adapter.jdbc;

import dev.ksefplatform.worker.outbox.application.OutboxRecord;
import dev.ksefplatform.worker.outbox.application.OutboxStore;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link OutboxStore} over {@code worker.outbox}, limited to the partitions {@code instanceId} owns. */
public class JdbcOutboxStore implements OutboxStore {

    private final JdbcTemplate jdbc;
    private final String instanceId;

    public JdbcOutboxStore(JdbcTemplate jdbc, String instanceId) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
    }

    @Override
    public List<OutboxRecord> next(int max) {
        return jdbc.query("""
                SELECT o.id, o.topic, o.tenant_id, o.value, o.headers FROM worker.outbox o
                 WHERE o.partition IN (SELECT partition FROM worker.partition_owners WHERE owner = ?)
                 ORDER BY o.id LIMIT ?""",
                (rs, i) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        HeaderCodec.decode(rs.getBytes(5))), instanceId, max);
    }

    @Override
    public void delete(List<Long> ids) {
        jdbc.update("DELETE FROM worker.outbox WHERE id = ANY (?)", (Object) ids.toArray(Long[]::new));
    }
}
