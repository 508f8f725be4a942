package dev.ksefplatform.worker.intake.adapter.jdbc;

import dev.ksefplatform.worker.intake.application.NewCommand;
import dev.ksefplatform.worker.intake.application.NewVerification;
import dev.ksefplatform.worker.intake.application.PreviousRun;
import dev.ksefplatform.worker.intake.application.Redrive;
import dev.ksefplatform.worker.intake.application.RedriveDecision;
import dev.ksefplatform.worker.intake.application.RedriveRule;
import dev.ksefplatform.worker.intake.application.Stored;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-drives decided inside the intake's transaction: the command's row is read {@code FOR UPDATE}, judged by {@link
 * RedriveRule}, then queued again (remembering the dead letter it came from) or refused with a new dead letter.
 */
final class JdbcRedrives {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;

    JdbcRedrives(JdbcTemplate jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** The commands queued again, and how many re-drives were refused. */
    Stored apply(List<Redrive> redrives) {
        List<NewCommand> requeued = new ArrayList<>();
        int refused = 0;
        for (Redrive redrive : redrives) {
            RedriveDecision decision = RedriveRule.decide(redrive, previous(redrive));
            if (decision instanceof RedriveDecision.Refuse refusal) {
                int partition = redrive.command() != null ? redrive.command().lane().partition()
                        : redrive.verification().partition();
                outbox.writeEncoded(partition, redrive.refusal().apply(refusal.reason()));
                refused++;
            } else if (decision instanceof RedriveDecision.Take) {
                if (redrive.command() != null) {
                    requeue(redrive.command(), redrive.redriveOf());
                    requeued.add(redrive.command());
                } else {
                    requeue(redrive.verification(), redrive.redriveOf());
                }
            }
        }
        return new Stored(requeued, refused);
    }

    private PreviousRun previous(Redrive redrive) {
        String sql = redrive.command() != null ? """
                SELECT tenant_id, state, outcome, (session_ref IS NOT NULL OR sent_at IS NOT NULL
                       OR invoice_ref IS NOT NULL OR cardinality(earlier_sessions) > 0), redrive_of
                  FROM worker.commands WHERE command_id = ? FOR UPDATE""" : """
                SELECT tenant_id, state, CASE WHEN state = 'REFUSED' THEN 'DEAD_LETTERED'
                       WHEN state = 'DONE' THEN coalesce(outcome, 'DONE') END, false, redrive_of
                  FROM worker.verifications WHERE command_id = ? FOR UPDATE""";
        return jdbc.query(sql, (rs, n) -> new PreviousRun(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getString(5)), redrive.commandId()).stream().findFirst().orElse(null);
    }

    private void requeue(NewCommand c, String redriveOf) {
        jdbc.update("""
                UPDATE worker.commands SET state = 'QUEUED', outcome = NULL, finished_at = NULL, partition = ?,
                       environment = ?, context_nip = ?, correlation_id = ?, source = ?, received_at = ?,
                       form_system_code = ?, form_schema_version = ?, form_value = ?, invoice_number = ?,
                       invoice_hash = ?, offline_mode = ?, xml = ?, source_offset = ?, redrive_of = ?
                 WHERE command_id = ?""", c.lane().partition(), c.lane().environment(), c.lane().contextNip(),
                c.ref().correlationId(), c.source(), Timestamp.from(c.receivedAt()), c.form().systemCode(),
                c.form().schemaVersion(), c.form().value(), c.invoiceNumber(), c.invoiceHash(), c.offlineMode(),
                c.xml(), c.offset(), redriveOf, c.ref().commandId());
    }

    private void requeue(NewVerification v, String redriveOf) {
        jdbc.update("""
                UPDATE worker.verifications SET state = 'QUEUED', outcome = NULL, reason = NULL, done_at = NULL,
                       attempts = 0, partition = ?, integration_id = ?, environment = ?, trigger = ?,
                       not_before = ?, original = ?, source_offset = ?, redrive_of = ?
                 WHERE command_id = ?""", v.partition(), v.integrationId(), v.environment(), v.trigger(),
                Timestamp.from(v.receivedAt()), v.original(), v.offset(), redriveOf, v.ref().commandId());
    }
}
