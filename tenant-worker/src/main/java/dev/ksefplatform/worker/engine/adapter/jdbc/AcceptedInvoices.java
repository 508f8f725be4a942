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

    /** Rows per statement: a batch's 10,000 verdicts go as ten statements of arrays, not 10,000 executions. */
    private static final int CHUNK = 1_000;

    /**
     * One {@code INSERT … SELECT} per chunk, the rows as arrays: the copy of each command's XML is read through a
     * lateral lookup by key ({@code OFFSET 0} keeps it a lookup per row, whatever the statistics say of the queue).
     * It was one execution per invoice (a JDBC batch of {@code INSERT … SELECT}, which the driver cannot rewrite to
     * multi-row): the worker's costliest statement per invoice (README, "Plans that follow the queue").
     */
    static void enqueue(JdbcTemplate jdbc, LaneKey lane, List<WorkerEvent> events) {
        List<WorkerEvent> accepted = events.stream()
                .filter(e -> e.payload() instanceof SubmissionOutcome.Accepted).toList();
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            insert(jdbc, lane, accepted.subList(from, Math.min(accepted.size(), from + CHUNK)));
        }
    }

    private static void insert(JdbcTemplate jdbc, LaneKey lane, List<WorkerEvent> accepted) {
        String[][] columns = new String[COLUMNS.length][accepted.size()];
        for (int i = 0; i < accepted.size(); i++) {
            WorkerEvent e = accepted.get(i);
            SubmissionOutcome.Accepted a = (SubmissionOutcome.Accepted) e.payload();
            CommandRef ref = e.cause();
            CommandRef.Actor actor = ref.actor();
            String[] row = {ref.commandId(), ref.tenantId(), ref.correlationId(),
                    actor == null ? null : actor.type(), actor == null ? null : actor.id(),
                    actor == null ? null : actor.onBehalfOf(), a.ksefNumber(), a.invoiceNumber(), a.invoiceHash(),
                    a.sessionReferenceNumber(),
                    a.invoiceReferenceNumber() == null || a.invoiceReferenceNumber().isEmpty()
                            ? null : a.invoiceReferenceNumber(),
                    a.acquiredAt() == null ? null : a.acquiredAt().toString(), a.upoDownloadUrl(),
                    e.audit().integrationId(), e.audit().providerNip()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        Object[] args = new Object[3 + columns.length];
        args[0] = lane.partition();
        args[1] = lane.environment();
        args[2] = lane.contextNip();
        System.arraycopy(columns, 0, args, 3, columns.length);
        jdbc.update(INSERT, args);
    }

    private static final String[] COLUMNS = {"command_id", "tenant_id", "correlation_id", "actor_type", "actor_id",
            "actor_on_behalf_of", "ksef_number", "invoice_number", "invoice_hash", "session_ref", "invoice_ref",
            "acquired_at", "upo_url", "integration_id", "provider_nip"};

    private static final String INSERT = """
            INSERT INTO worker.upo_fetches (partition, environment, context_nip, command_id, tenant_id, correlation_id,
                   actor_type, actor_id, actor_on_behalf_of, ksef_number, invoice_number, invoice_hash, session_ref,
                   invoice_ref, acquired_at, upo_url, integration_id, provider_nip, xml, not_before)
            SELECT ?, ?, ?, a.command_id, a.tenant_id, a.correlation_id, a.actor_type, a.actor_id,
                   a.actor_on_behalf_of, a.ksef_number, a.invoice_number, a.invoice_hash, a.session_ref, a.invoice_ref,
                   a.acquired_at::timestamptz, a.upo_url, a.integration_id, a.provider_nip, c.xml, now()
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS a(""" + String.join(", ", COLUMNS) + """
            )
             CROSS JOIN LATERAL (SELECT xml FROM worker.commands WHERE command_id = a.command_id OFFSET 0) c
            ON CONFLICT (command_id) DO NOTHING""";
}
