package dev.ksefplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.QueryPlans;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit API's pages keep the index each was given (V7, V8) when the planner reads the statistics the log keeps
 * (V9, V10: a small sample of a few columns; issue #8). 100,000 rows across 1,000 tenants, one of them with 2 % of
 * the rows, 1 % of its calls 5xx and one of its integrations rare; each page as AuditQuery writes it, read under the
 * role and policy the service uses. A bitmap scan of the index counts as reading it.
 */
class AuditPlansIT extends AuditServiceIT {

    private static final String LOAD = """
            INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, occurred_at, source,
                operation, tenant_nip, http_status, integration_id, recorded_at)
            SELECT 'plan-' || n, CASE WHEN n % 50 = 0 THEN 'plan-7' ELSE 'plan-' || (n % 997) END,
                (ARRAY['KsefCallRecorded', 'InvoiceAccepted', 'InvoiceSubmitted'])[1 + n / 50 % 3], 'c-' || n,
                timestamptz '2031-06-01 00:00:00Z' - n * interval '1 second', 'tenant-worker',
                (ARRAY['ksef.session.invoice.send', 'ksef.session.status', 'ksef.auth'])[1 + n / 50 % 3],
                '5265877635', CASE n / 50 % 100 WHEN 0 THEN 503 WHEN 1 THEN 429 ELSE 200 END,
                CASE WHEN n / 50 % 400 = 7 THEN 'int-rare' ELSE 'int-' || (n % 3) END, now()
              FROM generate_series(1, 100000) n;
            ANALYZE audit.audit_log;
            """;

    /** The index each page reads, the role it is read as, and its SQL (AuditQuery's, values inlined). */
    private static final String[][] PAGES = {
        {"audit_log_tenant_occurred", "audit_reader", "SELECT * FROM audit.audit_log WHERE tenant_id = 'plan-7'"
                + " ORDER BY occurred_at DESC, event_id DESC LIMIT 101"},
        {"audit_log_tenant_occurred", "audit_reader", "SELECT * FROM audit.audit_log WHERE tenant_id = 'plan-7'"
                + " AND operation = 'ksef.session.status' ORDER BY occurred_at DESC, event_id DESC LIMIT 101"},
        {"audit_log_tenant_error_status", "audit_reader", "SELECT * FROM audit.audit_log WHERE tenant_id = 'plan-7'"
                + " AND http_status >= 500 AND http_status <= 599 ORDER BY occurred_at DESC, event_id DESC LIMIT 101"},
        {"audit_log_tenant_integration", "audit_reader", "SELECT * FROM audit.audit_log WHERE tenant_id = 'plan-7'"
                + " AND integration_id = 'int-rare' ORDER BY occurred_at DESC, event_id DESC LIMIT 101"},
        {"audit_log_occurred", "audit_auditor", "SELECT * FROM audit.audit_log"
                + " ORDER BY occurred_at DESC, event_id DESC LIMIT 101"}};

    @Test
    void eachPageReadsItsOwnIndexUnderTheStatisticsTheLogKeeps() throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(LOAD);
            for (String[] page : PAGES) {
                statement.execute("SELECT set_config('app.tenant_id', 'plan-7', true)");
                statement.execute("SET LOCAL ROLE " + page[1]);
                String plan = QueryPlans.of(statement, "EXPLAIN " + page[2]);
                statement.execute("RESET ROLE");
                assertThat(indexes(plan)).as(page[2] + "\n" + plan).containsExactly(page[0]);
            }
            connection.rollback();
        }
    }

    /** The indexes the plan reads, in plan order; a scan of the table itself counts as "table". */
    private static List<String> indexes(String plan) {
        return Pattern.compile("(?:Index Scan using|Index Only Scan using|Bitmap Index Scan on) (\\w+)|(Seq Scan)")
                .matcher(plan).results().map(match -> match.group(1) == null ? "table" : match.group(1)).toList();
    }
}
