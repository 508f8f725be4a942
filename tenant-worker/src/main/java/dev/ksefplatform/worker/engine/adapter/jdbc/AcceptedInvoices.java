package dev.ksefplatform.worker.engine.adapter.jdbc;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queues the sent XML and the UPO of every accepted invoice for the {@code upo} feature ({@code worker.upo_fetches}),
 * inside the transaction that ends the command: the XML is copied on the server before the command row drops it, so a
 * crash can lose neither, and nothing of it passes through this JVM's heap (a batch ends 10,000 commands at once).
 */
final class AcceptedInvoices {

    private static final int COLUMNS = 15;

    private AcceptedInvoices() {
    }

    static void enqueue(JdbcTemplate jdbc, LaneKey lane, List<WorkerEvent> events) {
        List<WorkerEvent> accepted = events.stream()
                .filter(e -> e.payload() instanceof SubmissionOutcome.Accepted).toList();
        if (accepted.isEmpty()) {
            return;
        }
        List<List<String>> columns = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            columns.add(new ArrayList<>(accepted.size()));
        }
        for (WorkerEvent e : accepted) {
            SubmissionOutcome.Accepted a = (SubmissionOutcome.Accepted) e.payload();
            CommandRef ref = e.cause();
            CommandRef.Actor actor = ref.actor();
            add(columns, ref.commandId(), ref.tenantId(), ref.correlationId(),
                    actor == null ? null : actor.type(), actor == null ? null : actor.id(),
                    actor == null ? null : actor.onBehalfOf(), a.ksefNumber(), a.invoiceNumber(), a.invoiceHash(),
                    a.sessionReferenceNumber(), a.invoiceReferenceNumber() == null
                            || a.invoiceReferenceNumber().isEmpty() ? null : a.invoiceReferenceNumber(),
                    a.acquiredAt() == null ? null : a.acquiredAt().toString(), a.upoDownloadUrl(),
                    e.audit().integrationId(), e.audit().providerNip());
        }
        // one statement for the step's accepted invoices (column arrays), not one per invoice
        List<Object> args = new ArrayList<>(List.of(lane.partition(), lane.environment(), lane.contextNip()));
        columns.forEach(column -> args.add(Sql.textArray(column)));
        jdbc.update("""
                INSERT INTO worker.upo_fetches (command_id, tenant_id, partition, environment, context_nip, correlation_id,
                       actor_type, actor_id, actor_on_behalf_of, ksef_number, invoice_number, invoice_hash, session_ref,
                       invoice_ref, acquired_at, upo_url, integration_id, provider_nip, xml, not_before)
                SELECT f.id, f.tenant, ?::int, ?::text, ?::text, f.correlation, f.actor_type, f.actor_id, f.on_behalf_of, f.ksef_number,
                       f.invoice_number, f.invoice_hash, f.session_ref, f.invoice_ref, f.acquired_at::timestamptz,
                       f.upo_url, f.integration, f.provider, c.xml, now()
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS f(id, tenant, correlation, actor_type, actor_id, on_behalf_of, ksef_number, invoice_number,
                            invoice_hash, session_ref, invoice_ref, acquired_at, upo_url, integration, provider)
                  JOIN worker.commands c ON c.command_id = f.id
                ON CONFLICT (command_id) DO NOTHING""", args.toArray());
    }

    private static void add(List<List<String>> columns, String... values) {
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
    }
}
