package dev.ksefplatform.worker.verify.adapter.jdbc;

import dev.ksefplatform.worker.engine.adapter.jdbc.PartitionFence;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.worker.engine.application.PermissionRechecks;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.intake.adapter.kafka.DeadLetters;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import dev.ksefplatform.worker.verify.application.VerificationStore;
import dev.ksefplatform.worker.verify.domain.IntegrationStatus;
import dev.ksefplatform.worker.verify.domain.Verification;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link VerificationStore} over {@code worker.verifications}; a write by an instance that lost the partition is a no-op. */
public class JdbcVerificationStore implements VerificationStore, PermissionRechecks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final DeadLetters deadLetters;
    private final java.util.function.IntConsumer deadLettered;
    private final Clock clock;

    public JdbcVerificationStore(JdbcTemplate jdbc, TransactionTemplate tx, OutboxWriter outbox, DeadLetters deadLetters,
                                 Clock clock, java.util.function.IntConsumer deadLettered) {
        this.deadLettered = deadLettered;
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public List<Verification> due(Collection<Integer> partitions, int limit, Instant now) {
        return jdbc.query("""
                SELECT command_id, tenant_id, correlation_id, partition, integration_id, environment, trigger, attempts
                  FROM worker.verifications
                 WHERE state = 'QUEUED' AND partition = ANY (?) AND not_before <= ?
                 ORDER BY not_before LIMIT ?""", (rs, n) -> new Verification(
                        new CommandRef(rs.getString(1), rs.getString(2), rs.getString(3), null), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)),
                partitions.toArray(Integer[]::new), Timestamp.from(now), limit);
    }

    @Override
    public void done(Verification verification, IntegrationStatus status, String owner) {
        finish(verification, "DONE", status.status(), status.reason(), owner);
    }

    @Override
    public void later(Verification verification, Instant notBefore, String owner) {
        tx.executeWithoutResult(s -> {
            if (owns(verification, owner)) {
                jdbc.update("UPDATE worker.verifications SET attempts = attempts + 1, not_before = ? WHERE command_id = ?",
                        Timestamp.from(notBefore), verification.ref().commandId());
            }
        });
    }

    @Override
    public void refused(Verification verification, String reason, String owner) {
        Integer written = tx.execute(s -> {
            if (!owns(verification, owner)) {
                return 0;
            }
            finishRow(verification, "REFUSED", null, reason);
            List<Origin> original = jdbc.query("SELECT original, source_offset FROM worker.verifications"
                            + " WHERE command_id = ? AND original IS NOT NULL",
                    (rs, n) -> new Origin(rs.getBytes(1), rs.getLong(2)), verification.ref().commandId());
            original.forEach(o -> outbox.writeEncoded(verification.partition(), deadLetters.of(verification.ref(),
                    DeadLetters.Origin.stored(verification.ref(), Topics.COMMANDS.name(), verification.partition(),
                            o.offset(), o.bytes()), reason)));
            return original.size();
        });
        if (written != null && written > 0) {
            deadLettered.accept(written);
        }
    }

    @Override
    public void request(LaneKey lane, String integrationId) {
        long minute = clock.instant().getEpochSecond() / 60;
        String id = "recheck/" + integrationId + "/" + minute;
        jdbc.update("""
                INSERT INTO worker.verifications (command_id, tenant_id, partition, integration_id, environment, trigger,
                       correlation_id, received_at, not_before, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, now(), now(), 'QUEUED') ON CONFLICT (command_id) DO NOTHING""",
                id, lane.tenantId(), lane.partition(), integrationId, lane.environment(), Verification.KSEF_REFUSAL, id);
    }

    private void finish(Verification verification, String state, String outcome, String reason, String owner) {
        tx.executeWithoutResult(s -> {
            if (owns(verification, owner)) {
                finishRow(verification, state, outcome, reason);
            }
        });
    }

    private void finishRow(Verification verification, String state, String outcome, String reason) {
        jdbc.update("UPDATE worker.verifications SET state = ?, outcome = ?, reason = ?, done_at = now(),"
                + " attempts = attempts + 1 WHERE command_id = ?", state, outcome, reason, verification.ref().commandId());
    }

    private boolean owns(Verification verification, String owner) {
        return PartitionFence.holds(jdbc, verification.partition(), owner);
    }

    private record Origin(byte[] bytes, long offset) {
    }
}
