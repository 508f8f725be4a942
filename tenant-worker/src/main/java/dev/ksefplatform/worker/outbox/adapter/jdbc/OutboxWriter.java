package dev.ksefplatform.worker.outbox.adapter.jdbc;

import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends encoded events to {@code worker.outbox} inside the caller's transaction, in one JDBC batch, and wakes the
 * relay once that transaction commits: the relay then needs no frequent poll to publish promptly (issue #8).
 */
public final class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final EventEncoder encoder;
    private final Runnable written;

    /** @param written told after the commit of a transaction that wrote rows (the relay's nudge) */
    public OutboxWriter(JdbcTemplate jdbc, EventEncoder encoder, Runnable written) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.written = written;
    }

    public void write(int partition, List<WorkerEvent> events) {
        writeEncoded(partition, events.stream().map(encoder::encode).toList());
    }

    public void writeEncoded(int partition, List<EventEncoder.Encoded> records) {
        writeRows(records.stream().map(r -> new Row(partition, r)).toList());
    }

    /** Events of several partitions in one JDBC batch (a transaction that serves rows of many lanes at once). */
    public void writeRows(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO worker.outbox (partition, topic, tenant_id, message_id, value, headers)
                VALUES (?, ?, ?, ?, ?, ?)""", rows, 500, (ps, row) -> {
            EventEncoder.Encoded r = row.record();
            ps.setInt(1, row.partition());
            ps.setString(2, r.topic());
            ps.setString(3, r.key());
            ps.setString(4, r.messageId());
            ps.setBytes(5, r.value());
            ps.setBytes(6, HeaderCodec.encode(r.headers()));
        });
        wakeAfterCommit();
    }

    /** Before the commit the relay would not see the rows yet; outside a transaction they are committed already. */
    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            written.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                written.run();
            }
        });
    }

    /** One event and the partition whose outbox rows it joins. */
    public record Row(int partition, EventEncoder.Encoded record) {
    }
}
