package dev.ksefplatform.audit.bench;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * What the audit log's indexes cost a rebuild: the emptied {@code audit.audit_log} refilled with {@code rows} rows
 * (1,000 tenants, 7 % 4xx, 3 % 5xx) in {@code unnest} statements of 5,000 with {@code ON CONFLICT (event_id) DO
 * NOTHING}, as the projection writes them, once with every index and once without the three of V7 and V8, which are
 * then built over the refilled table (timed apart). Three rounds; prints microseconds per row; asserts nothing.
 * Run: {@code java -cp <audit-projector test classpath> dev.ksefplatform.audit.bench.AuditRefillBenchmark 200000}.
 */
public final class AuditRefillBenchmark {

    private static final List<String> FILTER_INDEXES = List.of("audit_log_tenant_error_status",
            "audit_log_tenant_integration", "audit_log_occurred");
    private static final String INSERT = """
            INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, occurred_at, source, operation,
                                         tenant_nip, http_status, recorded_at, integration_id, actor_type, actor_id,
                                         method, endpoint)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                                 ?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
            ON CONFLICT (event_id) DO NOTHING""";

    private AuditRefillBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).schemas("audit")
                .locations("classpath:db/migration/audit").load().migrate();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            List<String> definitions = definitions(s);
            for (int round = 1; round <= 3; round++) {
                s.execute("TRUNCATE audit.audit_log");
                s.execute("CHECKPOINT");
                double all = refill(c, rows, round);
                s.execute("TRUNCATE audit.audit_log");
                for (String index : FILTER_INDEXES) {
                    s.execute("DROP INDEX audit." + index);
                }
                s.execute("CHECKPOINT");
                double without = refill(c, rows, round);
                long start = System.nanoTime();
                for (String definition : definitions) {
                    s.execute(definition);
                }
                double build = (System.nanoTime() - start) / 1_000.0 / rows;
                System.out.printf("round %d, %,d rows: every index %.1f us a row; without V7/V8's three %.1f, "
                        + "building them after %.1f, together %.1f%n", round, rows, all, without, build, without + build);
            }
        }
        System.exit(0);
    }

    private static List<String> definitions(Statement s) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'audit'"
                + " AND indexname IN ('" + String.join("', '", FILTER_INDEXES) + "')")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        if (definitions.size() != FILTER_INDEXES.size()) {
            throw new IllegalStateException("expected " + FILTER_INDEXES + ", found " + definitions);
        }
        return definitions;
    }

    /** Microseconds per row of refilling the empty table. */
    private static double refill(Connection c, int rows, int seed) throws SQLException {
        Random random = new Random(seed);
        long at = 1_780_000_000_000L;
        long start = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int done = 0; done < rows; done += 5_000) {
                int n = Math.min(5_000, rows - done);
                Object[][] columns = new Object[15][n];
                for (int i = 0; i < n; i++) {
                    String tenant = "bench-tenant-" + random.nextInt(1_000);
                    int dice = random.nextInt(100);
                    at += 7;
                    Object[] row = {UUID.randomUUID().toString(), tenant, "KsefCallRecorded", UUID.randomUUID().toString(),
                        new Timestamp(at), "tenant-worker", "ksef.invoice.submit", "5265877635",
                        dice < 90 ? 200 : dice < 97 ? 429 : 503, new Timestamp(at), "i-" + tenant, "SYSTEM",
                        "tenant-worker", "POST", "/sessions/online/{referenceNumber}/invoices"};
                    for (int column = 0; column < row.length; column++) {
                        columns[column][i] = row[column];
                    }
                }
                for (int column = 0; column < columns.length; column++) {
                    insert.setArray(column + 1, array(c, column, columns[column]));
                }
                insert.executeUpdate();
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / rows;
    }

    private static Array array(Connection c, int column, Object[] values) throws SQLException {
        String type = column == 4 || column == 9 ? "timestamptz" : column == 8 ? "int4" : "text";
        return c.createArrayOf(type, values);
    }
}
