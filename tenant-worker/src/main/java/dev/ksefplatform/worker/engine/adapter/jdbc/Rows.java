package dev.ksefplatform.worker.engine.adapter.jdbc;

import dev.ksefplatform.worker.engine.application.LaneStore.StoredSession;
import dev.ksefplatform.worker.engine.application.UnsentCommand;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SessionType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lane's reads: queued invoices in arrival order, what is in KSeF, and the live sessions. */
final class Rows {

    private static final String REF_COLUMNS = "command_id, tenant_id, correlation_id, actor_type, actor_id, "
            + "actor_on_behalf_of, invoice_number, invoice_hash, earlier_sessions";

    private Rows() {
    }

    static List<QueuedInvoice> queued(JdbcTemplate jdbc, LaneKey lane, int max, boolean withXml) {
        // a batch reads XML later, in groups, so it needs only the size: octet_length reads a stored value's header,
        // not the value (TOAST keeps the raw size there); the online send has the bytes and takes their length
        String columns = REF_COLUMNS + ", form_system_code, form_schema_version, form_value, offline_mode"
                + (withXml ? ", xml" : ", NULL::bytea AS xml, octet_length(xml) AS xml_size");
        String sql = withXml
                ? "SELECT " + columns + " FROM worker.commands WHERE tenant_id = ? AND environment = ?"
                  + " AND context_nip = ? AND state = 'QUEUED' ORDER BY seq LIMIT ?"
                // a batch never holds two invoices with one hash: KSeF's lists and UPOs are matched back by hash
                : "SELECT * FROM (SELECT DISTINCT ON (invoice_hash) seq, " + columns + " FROM worker.commands"
                  + " WHERE tenant_id = ? AND environment = ? AND context_nip = ? AND state = 'QUEUED'"
                  + " ORDER BY invoice_hash, seq) q ORDER BY seq LIMIT ?";
        Object[] args = {lane.tenantId(), lane.environment(), lane.contextNip(), max};
        // the online send reads the documents themselves: in binary (Sql.binaryResults)
        return withXml ? jdbc.query(Sql.binaryResults(sql, args), (rs, i) -> queued(rs, true))
                : jdbc.query(sql, (rs, i) -> queued(rs, false), args);
    }

    private static QueuedInvoice queued(ResultSet rs, boolean withXml) throws SQLException {
        byte[] xml = rs.getBytes("xml");
        return new QueuedInvoice(ref(rs), new InvoiceForm(rs.getString("form_system_code"),
                rs.getString("form_schema_version"), rs.getString("form_value")), rs.getString("invoice_number"),
                rs.getString("invoice_hash"), rs.getBoolean("offline_mode"), xml,
                withXml ? (xml == null ? 0 : xml.length) : rs.getInt("xml_size"), earlier(rs));
    }

    /** Queued commands of the lane among {@code ids}, with everything their dead letter needs. */
    static List<UnsentCommand> unsent(JdbcTemplate jdbc, LaneKey lane, Collection<String> ids) {
        return jdbc.query("SELECT " + REF_COLUMNS + ", source, form_system_code, form_schema_version, form_value,"
                        + " offline_mode, xml, source_offset FROM worker.commands WHERE command_id = ANY (?::text[])"
                        + " AND state = 'QUEUED' ORDER BY seq",
                (rs, i) -> new UnsentCommand(ref(rs), lane, rs.getString("source"), new InvoiceForm(
                        rs.getString("form_system_code"), rs.getString("form_schema_version"),
                        rs.getString("form_value")), rs.getString("invoice_number"), rs.getString("invoice_hash"),
                        rs.getBoolean("offline_mode"), rs.getBytes("xml"),
                        rs.getObject("source_offset") == null ? -1 : rs.getLong("source_offset")),
                (Object) Sql.textArray(List.copyOf(ids))); // one array, not the varargs
    }

    static List<InFlightInvoice> inFlight(JdbcTemplate jdbc, LaneKey lane) {
        return jdbc.query("SELECT " + REF_COLUMNS + ", session_ref, session_type, invoice_ref, state"
                        + " FROM worker.commands WHERE tenant_id = ? AND environment = ? AND context_nip = ?"
                        + " AND state IN ('SENDING', 'SENT') AND kind = 'SUBMIT_INVOICE' ORDER BY seq",
                (rs, i) -> new InFlightInvoice(ref(rs), rs.getString("invoice_number"), rs.getString("invoice_hash"),
                        rs.getString("session_ref"), SessionType.of(rs.getString("session_type")),
                        rs.getString("invoice_ref"), "SENT".equals(rs.getString("state")), earlier(rs)),
                lane.tenantId(), lane.environment(), lane.contextNip());
    }

    static List<StoredSession> liveSessions(JdbcTemplate jdbc, LaneKey lane) {
        return jdbc.query("""
                        SELECT session_ref, session_type, state, valid_until, invoices FROM worker.sessions
                         WHERE tenant_id = ? AND environment = ? AND context_nip = ?
                           AND state IN ('OPEN', 'UPLOADING', 'PROCESSING') ORDER BY opened_at""",
                (rs, i) -> new StoredSession(rs.getString(1), SessionType.of(rs.getString(2)), rs.getString(3),
                        Sql.instant(rs.getTimestamp(4)), rs.getInt(5)),
                lane.tenantId(), lane.environment(), lane.contextNip());
    }

    private static CommandRef ref(ResultSet rs) throws SQLException {
        String actorType = rs.getString("actor_type");
        CommandRef.Actor actor = actorType == null ? null
                : new CommandRef.Actor(actorType, rs.getString("actor_id"), rs.getString("actor_on_behalf_of"));
        return new CommandRef(rs.getString("command_id"), rs.getString("tenant_id"), rs.getString("correlation_id"),
                actor);
    }

    private static List<String> earlier(ResultSet rs) throws SQLException {
        Array array = rs.getArray("earlier_sessions");
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
