package dev.ksefplatform.worker.intake.adapter.jdbc;

import dev.ksefplatform.worker.engine.adapter.jdbc.PartitionFence;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.intake.application.IntakeStore;
import dev.ksefplatform.worker.intake.application.NewCommand;
import dev.ksefplatform.worker.intake.application.NewInboxSync;
import dev.ksefplatform.worker.intake.application.NewVerification;
import dev.ksefplatform.worker.intake.application.Stored;
import dev.ksefplatform.worker.intake.application.Taken;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link IntakeStore} over PostgreSQL: batched inserts, the offsets in the same transaction. */
public class JdbcIntakeStore implements IntakeStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final JdbcRedrives redrives;

    public JdbcIntakeStore(JdbcTemplate jdbc, TransactionTemplate tx, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.redrives = new JdbcRedrives(jdbc, outbox);
    }

    @Override
    public void claim(Collection<Integer> partitions, String instanceId) {
        tx.executeWithoutResult(status -> partitions.stream().sorted().forEach(partition -> {
            PartitionFence.claim(jdbc, partition);
            jdbc.update("""
                    INSERT INTO worker.partition_owners (partition, owner, epoch, since) VALUES (?, ?, 1, now())
                    ON CONFLICT (partition) DO UPDATE SET owner = EXCLUDED.owner,
                           epoch = worker.partition_owners.epoch + 1, since = now()""", partition, instanceId);
        }));
    }

    @Override
    public Map<Integer, Long> takenOffsets(String topic, Collection<Integer> partitions) {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query("SELECT partition, last_offset FROM worker.applied_offsets WHERE topic = ? AND partition = ANY (?)",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, topic, partitions.toArray(Integer[]::new));
        return offsets;
    }

    @Override
    public Stored store(String topic, Taken taken, Map<Integer, List<EventEncoder.Encoded>> records,
                        Map<Integer, Long> offsets) {
        return tx.execute(status -> {
            insert(taken.commands());
            insertSyncs(taken.syncs());
            insertVerifications(taken.verifications());
            records.forEach(outbox::writeEncoded);
            offsets.forEach((partition, offset) -> jdbc.update("""
                    INSERT INTO worker.applied_offsets (topic, partition, last_offset) VALUES (?, ?, ?)
                    ON CONFLICT (topic, partition) DO UPDATE SET last_offset = GREATEST(worker.applied_offsets.last_offset,
                                                                                    EXCLUDED.last_offset)""",
                    topic, partition, offset));
            return redrives.apply(taken.redrives());
        });
    }

    private void insertVerifications(List<NewVerification> verifications) {
        if (verifications.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO worker.verifications (command_id, tenant_id, partition, integration_id, environment, trigger,
                       correlation_id, received_at, original, source_offset, not_before, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')
                ON CONFLICT (command_id) DO NOTHING""", verifications, 500, (ps, v) -> {
            ps.setString(1, v.ref().commandId());
            ps.setString(2, v.ref().tenantId());
            ps.setInt(3, v.partition());
            ps.setString(4, v.integrationId());
            ps.setString(5, v.environment());
            ps.setString(6, v.trigger());
            ps.setString(7, v.ref().correlationId());
            ps.setTimestamp(8, Timestamp.from(v.receivedAt()));
            ps.setBytes(9, v.original());
            ps.setLong(10, v.offset());
            ps.setTimestamp(11, Timestamp.from(v.receivedAt()));
        });
    }

    private void insertSyncs(List<NewInboxSync> syncs) {
        if (syncs.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO worker.inbox_syncs (command_id, tenant_id, partition, environment, context_nip, subject_type,
                       from_hwm, correlation_id, actor_type, actor_id, actor_on_behalf_of, received_at, state, not_before)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)
                ON CONFLICT (command_id) DO NOTHING""", syncs, 500, (ps, s) -> {
            ps.setString(1, s.ref().commandId());
            ps.setString(2, s.ref().tenantId());
            ps.setInt(3, s.lane().partition());
            ps.setString(4, s.lane().environment());
            ps.setString(5, s.lane().contextNip());
            ps.setString(6, s.subjectType());
            ps.setTimestamp(7, s.fromHighWaterMark() == null ? null : Timestamp.from(s.fromHighWaterMark()));
            ps.setString(8, s.ref().correlationId());
            ps.setString(9, s.ref().actor() == null ? null : s.ref().actor().type());
            ps.setString(10, s.ref().actor() == null ? null : s.ref().actor().id());
            ps.setString(11, s.ref().actor() == null ? null : s.ref().actor().onBehalfOf());
            ps.setTimestamp(12, Timestamp.from(s.receivedAt()));
            ps.setTimestamp(13, Timestamp.from(s.receivedAt()));
        });
    }

    private void insert(List<NewCommand> commands) {
        CommandInserts.insert(jdbc, commands);
    }
}
