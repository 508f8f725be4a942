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
        // the oldest rows of the owned partitions, read without a bitmap scan (migration V7 says why)
        return jdbc.query("SELECT id, topic, tenant_id, value, headers FROM worker.outbox_next(?, ?)",
                (rs, i) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        HeaderCodec.decode(rs.getBytes(5))), instanceId, max);
    }

    @Override
    public void delete(List<Long> ids) {
        jdbc.update("DELETE FROM worker.outbox WHERE id = ANY (?)", (Object) ids.toArray(Long[]::new));
    }
}
