package dev.ksefplatform.worker.inbox.adapter.jdbc;

import dev.ksefplatform.worker.engine.adapter.jdbc.PartitionFence;
import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.inbox.application.InboxStore;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.InboxSync;
import dev.ksefplatform.worker.inbox.domain.Window;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link InboxStore} over the worker's PostgreSQL schema; every write checks the partition's owner first. */
public class JdbcInboxStore implements InboxStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;

    public JdbcInboxStore(JdbcTemplate jdbc, TransactionTemplate tx, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
    }

    @Override
    public List<InboxSync> runnable(Collection<Integer> partitions, Collection<String> running, int limit, Instant now) {
        // one sync per (context, subject type) at a time: the oldest, and none while another of the same runs
        return jdbc.query("""
                SELECT * FROM (
                  SELECT DISTINCT ON (tenant_id, environment, context_nip, subject_type) *
                    FROM worker.inbox_syncs s
                   WHERE state = 'QUEUED' AND partition = ANY (?)
                     AND NOT EXISTS (SELECT 1 FROM worker.inbox_syncs r WHERE r.command_id = ANY (?)
                                        AND r.tenant_id = s.tenant_id AND r.environment = s.environment
                                        AND r.context_nip = s.context_nip AND r.subject_type = s.subject_type)
                   ORDER BY tenant_id, environment, context_nip, subject_type, received_at) oldest
                 WHERE not_before <= ? AND NOT (command_id = ANY (?))
                 ORDER BY received_at LIMIT ?""", JdbcInboxStore::sync, partitions.toArray(Integer[]::new),
                running.toArray(String[]::new), Timestamp.from(now), running.toArray(String[]::new), limit);
    }

    @Override
    public Optional<Checkpoint> checkpoint(LaneKey lane, String subjectType) {
        return jdbc.query("""
                SELECT from_at, received_at_from FROM worker.inbox_checkpoints
                 WHERE tenant_id = ? AND environment = ? AND context_nip = ? AND subject_type = ?""",
                (rs, n) -> new Checkpoint(rs.getTimestamp(1).toInstant(),
                        new HashSet<>(Arrays.asList((String[]) rs.getArray(2).getArray()))),
                lane.tenantId(), lane.environment(), lane.contextNip(), subjectType).stream().findFirst();
    }

    @Override
    public boolean window(InboxSync sync, Window window, List<Encoded> events, String owner) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!owns(sync, owner)) {
                return false;
            }
            outbox.writeEncoded(sync.lane().partition(), events);
            saveCheckpoint(sync, window.next());
            jdbc.update("UPDATE worker.inbox_syncs SET received = received + ?, failures = 0 WHERE command_id = ?",
                    window.invoices().size(), sync.ref().commandId());
            return true;
        }));
    }

    @Override
    public boolean finish(InboxSync sync, Encoded event, String owner) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!owns(sync, owner)) {
                return false;
            }
            outbox.writeEncoded(sync.lane().partition(), List.of(event));
            jdbc.update("UPDATE worker.inbox_syncs SET state = 'DONE', finished_at = now() WHERE command_id = ?",
                    sync.ref().commandId());
            return true;
        }));
    }

    @Override
    public void retryAt(InboxSync sync, Instant at, String reason, boolean failed) {
        jdbc.update("""
                UPDATE worker.inbox_syncs SET not_before = ?, last_error = ?, failures = failures + ?
                 WHERE command_id = ?""", Timestamp.from(at), reason, failed ? 1 : 0, sync.ref().commandId());
    }

    private boolean owns(InboxSync sync, String owner) {
        return PartitionFence.holds(jdbc, sync.lane().partition(), owner);
    }

    private void saveCheckpoint(InboxSync sync, Checkpoint next) {
        LaneKey lane = sync.lane();
        jdbc.update("""
                INSERT INTO worker.inbox_checkpoints (tenant_id, environment, context_nip, subject_type, from_at,
                       received_at_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (tenant_id, environment, context_nip, subject_type) DO UPDATE
                   SET from_at = EXCLUDED.from_at, received_at_from = EXCLUDED.received_at_from, updated_at = now()""",
                lane.tenantId(), lane.environment(), lane.contextNip(), sync.subjectType(),
                Timestamp.from(next.from()), next.receivedAtFrom().toArray(String[]::new));
    }

    private static InboxSync sync(ResultSet rs, int row) throws SQLException {
        String actorType = rs.getString("actor_type");
        CommandRef ref = new CommandRef(rs.getString("command_id"), rs.getString("tenant_id"),
                rs.getString("correlation_id"), actorType == null ? null
                : new CommandRef.Actor(actorType, rs.getString("actor_id"), rs.getString("actor_on_behalf_of")));
        LaneKey lane = new LaneKey(rs.getString("tenant_id"), rs.getString("environment"), rs.getString("context_nip"),
                rs.getInt("partition"));
        Timestamp from = rs.getTimestamp("from_hwm");
        return new InboxSync(ref, lane, rs.getString("subject_type"), from == null ? null : from.toInstant(),
                rs.getInt("received"), rs.getInt("failures"));
    }
}
