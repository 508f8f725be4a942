package dev.ksefplatform.worker.engine.adapter.jdbc;

import dev.ksefplatform.worker.engine.application.CrashPoints;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.LaneStore;
import dev.ksefplatform.worker.engine.application.UnsentDeadLetters;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link LaneStore} over PostgreSQL (schema {@code worker}). Each method is one transaction that first takes a share
 * lock on the lane's partition-owner row and checks this instance holds it: a takeover (an update of that row) waits
 * for the transaction, and a transaction after it changes nothing.
 */
public class JdbcLaneStore implements LaneStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final String instanceId;
    private final CrashPoints crashPoints;
    private final UnsentDeadLetters deadLetters;

    /** @param eventsWritten told after each transaction that wrote events (the relay publishes them at once) */
    public JdbcLaneStore(JdbcTemplate jdbc, TransactionTemplate tx, EventEncoder encoder, String instanceId,
                         CrashPoints crashPoints, Runnable eventsWritten, UnsentDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = new OutboxWriter(jdbc, encoder, eventsWritten);
        this.instanceId = instanceId;
        this.crashPoints = crashPoints;
    }

    @Override
    public List<LaneKey> lanesWithWork(Set<Integer> partitions) {
        Integer[] owned = partitions.toArray(Integer[]::new);
        return jdbc.query("""
                SELECT tenant_id, environment, context_nip, partition FROM worker.commands
                 WHERE partition = ANY (?) AND state <> 'DONE'
                UNION
                SELECT tenant_id, environment, context_nip, partition FROM worker.sessions
                 WHERE partition = ANY (?) AND state IN ('OPEN', 'UPLOADING', 'PROCESSING')""",
                (rs, i) -> new LaneKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                Sql.intArray(owned), Sql.intArray(owned));
    }

    @Override
    public StoredLane load(LaneKey lane) {
        return new StoredLane(queuedCount(lane), Rows.inFlight(jdbc, lane), Rows.liveSessions(jdbc, lane));
    }

    @Override
    public long queuedCount(LaneKey lane) {
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM worker.commands
                 WHERE tenant_id = ? AND environment = ? AND context_nip = ? AND state = 'QUEUED'""",
                Long.class, lane.tenantId(), lane.environment(), lane.contextNip());
        return count == null ? 0 : count;
    }

    @Override
    public List<QueuedInvoice> nextQueued(LaneKey lane, int max) {
        return Rows.queued(jdbc, lane, max, true);
    }

    @Override
    public List<QueuedInvoice> nextQueuedForBatch(LaneKey lane, int max) {
        return Rows.queued(jdbc, lane, max, false);
    }

    @Override
    public Map<String, byte[]> xml(Collection<String> commandIds) {
        Map<String, byte[]> xml = new HashMap<>();
        jdbc.query(Sql.binaryResults("SELECT command_id, xml FROM worker.commands WHERE command_id = ANY (?::text[])"
                        + " AND xml IS NOT NULL", (Object) Sql.textArray(List.copyOf(commandIds))),
                (RowCallbackHandler) rs -> xml.put(rs.getString(1), rs.getBytes(2)));
        return xml;
    }

    @Override
    public void sessionOpened(LaneKey lane, String sessionRef, SessionType type, Instant validUntil, String state,
                              List<WorkerEvent> events) {
        inOwnedTransaction(lane, events, () -> jdbc.update("""
                INSERT INTO worker.sessions (session_ref, tenant_id, partition, environment, context_nip, session_type,
                                             state, opened_at, valid_until, opened_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, now(), ?, ?)""", sessionRef, lane.tenantId(), lane.partition(),
                lane.environment(), lane.contextNip(), type.wireName(), state, Sql.timestamp(validUntil), instanceId));
    }

    @Override
    public void sessionState(LaneKey lane, String sessionRef, String state, List<WorkerEvent> events) {
        inOwnedTransaction(lane, events, () ->
                jdbc.update("UPDATE worker.sessions SET state = ? WHERE session_ref = ?", state, sessionRef));
    }

    @Override
    public void sending(LaneKey lane, Collection<String> commandIds, String sessionRef, SessionType type,
                        Map<String, String> batchFiles) {
        List<String> ids = List.copyOf(commandIds);
        List<String> files = ids.stream().map(batchFiles::get).toList();
        inOwnedTransaction(lane, List.of(), () -> jdbc.update("""
                UPDATE worker.commands c SET state = 'SENDING', session_ref = ?, session_type = ?, batch_file = f.file,
                                             invoice_ref = NULL
                  FROM unnest(?::text[], ?::text[]) AS f(id, file)
                 WHERE c.command_id = f.id AND c.state = 'QUEUED'""",
                sessionRef, type.wireName(), Sql.textArray(ids), Sql.textArray(files)));
    }

    @Override
    public void sent(LaneKey lane, List<InFlightInvoice> invoices, int sessionInvoicesAdded, List<WorkerEvent> events) {
        List<String> ids = invoices.stream().map(i -> i.ref().commandId()).toList();
        List<String> refs = invoices.stream().map(InFlightInvoice::invoiceRef).toList();
        inOwnedTransaction(lane, events, () -> {
            jdbc.update("""
                    UPDATE worker.commands c SET state = 'SENT', invoice_ref = f.ref, sent_at = now()
                      FROM unnest(?::text[], ?::text[]) AS f(id, ref)
                     WHERE c.command_id = f.id AND c.state IN ('SENDING', 'SENT')""",
                    Sql.textArray(ids), Sql.textArray(refs));
            if (sessionInvoicesAdded > 0) {
                jdbc.update("UPDATE worker.sessions SET invoices = invoices + ? WHERE session_ref = ?",
                        sessionInvoicesAdded, invoices.get(0).sessionRef());
            }
        });
    }

    @Override
    public void requeued(LaneKey lane, Collection<String> commandIds, String sessionRef) {
        inOwnedTransaction(lane, List.of(), () -> jdbc.update("""
                UPDATE worker.commands SET state = 'QUEUED', session_ref = NULL, session_type = NULL, invoice_ref = NULL,
                       batch_file = NULL,
                       earlier_sessions = CASE WHEN ?::text IS NULL OR ?::text = ANY (earlier_sessions)
                                               THEN earlier_sessions ELSE array_append(earlier_sessions, ?::text) END
                 WHERE command_id = ANY (?::text[]) AND state IN ('SENDING', 'SENT')""",
                sessionRef, sessionRef, sessionRef, Sql.textArray(List.copyOf(commandIds))));
    }

    @Override
    public void finished(LaneKey lane, Map<String, String> outcomes, List<WorkerEvent> events) {
        List<String> ids = List.copyOf(outcomes.keySet());
        List<String> names = ids.stream().map(outcomes::get).toList();
        inOwnedTransaction(lane, events, () -> {
            AcceptedInvoices.enqueue(jdbc, lane, events);
            jdbc.update("""
                    UPDATE worker.commands c SET state = 'DONE', outcome = f.outcome, finished_at = now(), xml = NULL
                      FROM unnest(?::text[], ?::text[]) AS f(id, outcome)
                     WHERE c.command_id = f.id AND c.state <> 'DONE'""", Sql.textArray(ids), Sql.textArray(names));
        });
    }

    @Override
    public void deadLettered(LaneKey lane, Collection<String> commandIds, String reason) {
        inOwnedTransaction(lane, List.of(), () -> {
            Rows.unsent(jdbc, lane, commandIds).forEach(command ->
                    outbox.writeEncoded(lane.partition(), deadLetters.of(command, reason)));
            jdbc.update("""
                    UPDATE worker.commands SET state = 'DONE', outcome = 'DEAD_LETTERED', finished_at = now(), xml = NULL
                     WHERE command_id = ANY (?::text[]) AND state = 'QUEUED'""",
                    (Object) Sql.textArray(List.copyOf(commandIds)));
        });
    }

    @Override
    public void record(LaneKey lane, List<WorkerEvent> events) {
        if (!events.isEmpty()) {
            inOwnedTransaction(lane, events, () -> { });
        }
    }

    @Override
    public boolean invoiceRefTaken(LaneKey lane, String invoiceRef, String exceptCommandId) {
        Boolean taken = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM worker.commands WHERE tenant_id = ? AND invoice_ref = ? AND command_id <> ?)""",
                Boolean.class, lane.tenantId(), invoiceRef, exceptCommandId);
        return Boolean.TRUE.equals(taken);
    }

    private void inOwnedTransaction(LaneKey lane, List<WorkerEvent> events, Runnable change) {
        tx.executeWithoutResult(status -> {
            if (!PartitionFence.holds(jdbc, lane.partition(), instanceId)) {
                throw new LostOwnership(lane);
            }
            change.run();
            outbox.write(lane.partition(), events);
            crashPoints.reached(CrashPoints.BEFORE_COMMIT);
        });
    }
}
