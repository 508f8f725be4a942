package dev.ksefplatform.worker.intake.adapter.jdbc;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.intake.application.NewCommand;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queues taken commands ({@code worker.commands}): one {@code INSERT … SELECT FROM unnest} of arrays per chunk. A JDBC
 * batch, which the driver rewrites to a multi-row {@code VALUES} of 21 parameters a row, cost the server 17 ms of
 * planning for each 128 rows (a distinct statement for every row count) and 25 ms of execution: 0.25 ms of
 * PostgreSQL per invoice in the cost benchmark (issue #8). As arrays: 0.034 ms of planning per invoice in the next
 * run (the worker plans every execution: 16 ms for 476 rows, the cause not found); the execution did
 * not fall measurably.
 */
final class CommandInserts {

    /** Rows per statement: bounds one statement's parameters (the XML of each) at a few MB. */
    private static final int CHUNK = 500;

    private CommandInserts() {
    }

    static void insert(JdbcTemplate jdbc, List<NewCommand> commands) {
        for (int from = 0; from < commands.size(); from += CHUNK) {
            chunk(jdbc, commands.subList(from, Math.min(commands.size(), from + CHUNK)));
        }
    }

    private static void chunk(JdbcTemplate jdbc, List<NewCommand> commands) {
        int n = commands.size();
        String[][] text = new String[TEXT.length][n];
        Integer[] partition = new Integer[n];
        Boolean[] offline = new Boolean[n];
        byte[][] xml = new byte[n][];
        Long[] offset = new Long[n];
        for (int i = 0; i < n; i++) {
            NewCommand c = commands.get(i);
            CommandRef.Actor actor = c.ref().actor();
            String[] row = {c.ref().commandId(), c.ref().tenantId(), c.kind(), c.lane().environment(),
                    c.lane().contextNip(), c.ref().correlationId(), c.source(), actor == null ? null : actor.type(),
                    actor == null ? null : actor.id(), actor == null ? null : actor.onBehalfOf(),
                    c.receivedAt().toString(), c.form().systemCode(), c.form().schemaVersion(), c.form().value(),
                    c.invoiceNumber(), c.invoiceHash()};
            for (int t = 0; t < row.length; t++) {
                text[t][i] = row[t];
            }
            partition[i] = c.lane().partition();
            offline[i] = c.offlineMode();
            xml[i] = c.xml();
            offset[i] = c.offset();
        }
        Object[] args = new Object[TEXT.length + 4];
        System.arraycopy(text, 0, args, 0, TEXT.length);
        args[TEXT.length] = partition;
        args[TEXT.length + 1] = offline;
        args[TEXT.length + 2] = xml;
        args[TEXT.length + 3] = offset;
        jdbc.update(INSERT, args);
    }

    private static final String[] TEXT = {"command_id", "tenant_id", "kind", "environment", "context_nip",
            "correlation_id", "source", "actor_type", "actor_id", "actor_on_behalf_of", "received_at",
            "form_system_code", "form_schema_version", "form_value", "invoice_number", "invoice_hash"};

    private static final String INSERT = """
            INSERT INTO worker.commands (command_id, tenant_id, kind, environment, context_nip, correlation_id, source,
                   actor_type, actor_id, actor_on_behalf_of, received_at, form_system_code, form_schema_version,
                   form_value, invoice_number, invoice_hash, partition, offline_mode, xml, source_offset, state)
            SELECT r.command_id, r.tenant_id, r.kind, r.environment, r.context_nip, r.correlation_id, r.source,
                   r.actor_type, r.actor_id, r.actor_on_behalf_of, r.received_at::timestamptz, r.form_system_code,
                   r.form_schema_version, r.form_value, r.invoice_number, r.invoice_hash, r.partition, r.offline_mode,
                   r.xml, r.source_offset, 'QUEUED'
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::integer[], ?::boolean[], ?::bytea[], ?::bigint[])
                   AS r(""" + String.join(", ", TEXT) + """
            , partition, offline_mode, xml, source_offset)
            ON CONFLICT (command_id) DO NOTHING""";
}
