package dev.ksefplatform.worker.engine.adapter.jdbc;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queues the sent XML and the UPO of every accepted invoice for the {@code upo} feature ({@code worker.upo_fetches}),
 * inside the transaction that ends the command: the XML is copied on the server before the command row drops it, so a
 * crash can lose neither, and nothing of it passes through this JVM's heap (a batch ends 10,000 commands at once).
 */
final class AcceptedInvoices {

    private AcceptedInvoices() {
    }

    static void enqueue(JdbcTemplate jdbc, LaneKey lane, List<WorkerEvent> events) {
        List<WorkerEvent> accepted = events.stream()
                .filter(e -> e.payload() instanceof SubmissionOutcome.Accepted).toList();
        if (accepted.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO worker.upo_fetches (command_id, tenant_id, partition, environment, context_nip, correlation_id,
                       actor_type, actor_id, actor_on_behalf_of, ksef_number, invoice_number, invoice_hash, session_ref,
                       invoice_ref, acquired_at, upo_url, integration_id, provider_nip, xml, not_before)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, c.xml, now()
                  FROM worker.commands c WHERE c.command_id = ?
                ON CONFLICT (command_id) DO NOTHING""", accepted, 500, (ps, e) -> {
            SubmissionOutcome.Accepted a = (SubmissionOutcome.Accepted) e.payload();
            CommandRef ref = e.cause();
            CommandRef.Actor actor = ref.actor();
            ps.setString(1, ref.commandId());
            ps.setString(2, ref.tenantId());
            ps.setInt(3, lane.partition());
            ps.setString(4, lane.environment());
            ps.setString(5, lane.contextNip());
            ps.setString(6, ref.correlationId());
            ps.setString(7, actor == null ? null : actor.type());
            ps.setString(8, actor == null ? null : actor.id());
            ps.setString(9, actor == null ? null : actor.onBehalfOf());
            ps.setString(10, a.ksefNumber());
            ps.setString(11, a.invoiceNumber());
            ps.setString(12, a.invoiceHash());
            ps.setString(13, a.sessionReferenceNumber());
            ps.setString(14, a.invoiceReferenceNumber() == null || a.invoiceReferenceNumber().isEmpty()
                    ? null : a.invoiceReferenceNumber());
            ps.setTimestamp(15, a.acquiredAt() == null ? null : java.sql.Timestamp.from(a.acquiredAt()));
            ps.setString(16, a.upoDownloadUrl());
            ps.setString(17, e.audit().integrationId());
            ps.setString(18, e.audit().providerNip());
            ps.setString(19, ref.commandId());
        });
    }
}
