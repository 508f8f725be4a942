package dev.ksefplatform.audit.bench;

import dev.ksefplatform.audit.log.adapter.r2dbc.R2dbcAuditLog;
import dev.ksefplatform.audit.log.adapter.r2dbc.TenantScope;
import dev.ksefplatform.audit.log.application.AuditCursor;
import dev.ksefplatform.audit.log.application.AuditQueries;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import dev.ksefplatform.audit.log.domain.StatusClass;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What one audit page costs through the service's own read path (R2DBC pool, {@link TenantScope}: transaction,
 * {@code set_config}, {@code SET LOCAL ROLE audit_reader}, RLS, {@link AuditQueries}) as the non-superuser login,
 * over embedded PostgreSQL with one tenant of {@value #BIG} rows and 99 tenants of 1,000. Each case runs
 * {@value #WARM_UP} times to warm up, then {@value #RUNS} times; it prints p50/p99 in ms beside the floor measured
 * in the same run (the same scope around {@code SELECT 1}). Then it writes 100,000 rows with and without the
 * {@code V7} indexes, and pages the two selective filters again without them. Asserts nothing.
 * Run: {@code java -cp <audit-projector test classpath> dev.ksefplatform.audit.bench.AuditQueryBenchmark}.
 */
public final class AuditQueryBenchmark {

    static final int BIG = 1_000_000;
    static final int WARM_UP = 20;
    static final int RUNS = 100;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BIG_TENANT = "tenant-big";

    private AuditQueryBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).schemas("audit")
                .locations("classpath:db/migration/audit").load().migrate();
        long seeded = seed(pg);
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder().host(pg.host()).port(pg.port()).database(pg.database())
                        .username("audit_service").password("audit-service").build())).maxSize(4).build());
        DatabaseClient db = DatabaseClient.create(pool);
        TenantScope scope = new TenantScope(db, TransactionalOperator.create(new R2dbcTransactionManager(pool)),
                Duration.ofSeconds(5));
        AuditQueries queries = new AuditQueries(new R2dbcAuditLog(db, scope));
        System.out.printf("seeded %,d rows in %,d ms%n", BIG + 99_000, seeded);
        if (args.length > 0 && "writes".equals(args[0])) {
            operatorsIndexWrites(pg, queries, db, scope);
            System.exit(0);
        }
        for (int round = 1; round <= 2; round++) {
            System.out.println("round " + round);
            double floor = report("floor: SELECT 1 in the tenant scope", () -> scope.read(BIG_TENANT,
                    db.sql("SELECT 1 AS one").map(row -> row.get("one")).all()).then(), 0);
            page(queries, "newest 100, no filter", AuditFilter.none(), null, 100, floor);
            page(queries, "newest 1000, no filter", AuditFilter.none(), null, 1000, floor);
            page(queries, "100 after a cursor 500,000 rows deep", AuditFilter.none(), deepCursor(), 100, floor);
            page(queries, "contextNip (1 row in 3)", filter(null, null, "5265877635", null), null, 100, floor);
            page(queries, "statusClass=4xx (1 row in 100)", filter(null, null, null, "4xx"), null, 100, floor);
            page(queries, "statusClass=5xx (1 row in 10,000)", filter(null, null, null, "5xx"), null, 100, floor);
            page(queries, "integrationId matching none", new AuditFilter(null, null, null, null, "integration-none",
                    null, null), null, 100, floor);
            page(queries, "one day and statusClass=5xx", filter(T0.plusSeconds(86_400 * 5),
                    T0.plusSeconds(86_400 * 6), null, "5xx"), null, 100, floor);
            page(queries, "small tenant, newest 100", AuditFilter.none(), null, 100, floor, "tenant-small-7");
            double across = report("floor: SELECT 1 as audit_auditor", () -> scope.acrossTenants(
                    db.sql("SELECT 1 AS one").map(row -> row.get("one")).all()).then(), 0);
            operators(queries, "operators: newest 100, every tenant", null, AuditFilter.none(), across);
            operators(queries, "operators: statusClass=5xx, every tenant", null, filter(null, null, null, "5xx"), across);
            operators(queries, "operators: statusClass=4xx, every tenant", null, filter(null, null, null, "4xx"), across);
            operators(queries, "operators: the big tenant, newest 100", BIG_TENANT, AuditFilter.none(), across);
            operators(queries, "operators: a small tenant, newest 100", "tenant-small-7", AuditFilter.none(), across);
        }
        for (int i = 1; i <= 3; i++) {
            System.out.printf("write with the V7 and V8 indexes: %,.0f rows/s%n", writeRate(pg, "tenant-write-v" + i));
        }
        dropOperatorsIndexes(pg);
        System.out.println("without the V8 index");
        double across = report("floor: SELECT 1 as audit_auditor", () -> scope.acrossTenants(
                db.sql("SELECT 1 AS one").map(row -> row.get("one")).all()).then(), 0);
        operators(queries, "operators: newest 100, every tenant", null, AuditFilter.none(), across);
        operators(queries, "operators: statusClass=5xx, every tenant", null, filter(null, null, null, "5xx"), across);
        for (int i = 1; i <= 3; i++) {
            System.out.printf("write with the V7 indexes: %,.0f rows/s%n", writeRate(pg, "tenant-write-a" + i));
        }
        dropSelectiveIndexes(pg);
        for (int i = 1; i <= 3; i++) {
            System.out.printf("write without the V7 indexes: %,.0f rows/s%n", writeRate(pg, "tenant-write-b" + i));
        }
        System.out.println("without the V7 indexes");
        double floor = report("floor: SELECT 1 in the tenant scope", () -> scope.read(BIG_TENANT,
                db.sql("SELECT 1 AS one").map(row -> row.get("one")).all()).then(), 0);
        page(queries, "statusClass=5xx (1 row in 10,000)", filter(null, null, null, "5xx"), null, 100, floor);
        page(queries, "integrationId matching none", new AuditFilter(null, null, null, null, "integration-none",
                null, null), null, 100, floor);
        System.out.printf("LOAD average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    /**
     * What the operators' time index costs the writes and buys the cross-tenant read, per candidate index, in one
     * run: 100,000-row INSERTs of a new tenant whose rows fall inside the log's time range (this harness's usual case,
     * the worst for a time-ordered key) and after its end (live events and a replay, in time order), beside the
     * ceiling (no operators' index) measured in the same run; then the unfiltered newest 100 across tenants.
     */
    private static void operatorsIndexWrites(EmbeddedPostgres pg, AuditQueries queries, DatabaseClient db,
                                             TenantScope scope) throws SQLException {
        String[][] candidates = {
            {"none (ceiling)", null},
            {"btree (occurred_at DESC, event_id DESC), V8", "CREATE INDEX audit_log_occurred ON audit.audit_log"
                    + " (occurred_at DESC, event_id DESC)"},
            {"brin (occurred_at)", "CREATE INDEX audit_log_occurred ON audit.audit_log USING brin (occurred_at)"},
            {"btree (occurred_at DESC)", "CREATE INDEX audit_log_occurred ON audit.audit_log (occurred_at DESC)"}};
        long after = 2_000_000;
        for (int round = 1; round <= 2; round++) {
            for (String[] candidate : candidates) {
                execute(pg, "DROP INDEX IF EXISTS audit.audit_log_occurred");
                if (candidate[1] != null) {
                    execute(pg, candidate[1]);
                }
                execute(pg, "ANALYZE audit.audit_log");
                String id = round + "-" + candidate[0].replaceAll("[^a-z]", "");
                double[] inside = new double[3];
                double[] ordered = new double[3];
                for (int i = 0; i < 3; i++) {
                    inside[i] = timedInsert(pg, insert("'w-in-" + id + i + "'", 100_000, 0));
                    ordered[i] = timedInsert(pg, insert("'w-end-" + id + i + "'", 100_000, after));
                    after += 100_000;
                }
                System.out.printf("round %d %-45s inside the range %s rows/s, in time order %s rows/s%n", round,
                        candidate[0], rates(inside), rates(ordered));
                double across = report("floor: SELECT 1 as audit_auditor", () -> scope.acrossTenants(
                        db.sql("SELECT 1 AS one").map(row -> row.get("one")).all()).then(), 0, 5, 20);
                report("operators: newest 100, every tenant", () -> queries.acrossTenants(null, AuditFilter.none(),
                        null, 100).then(), across, 5, 20);
            }
        }
        System.out.printf("LOAD average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String rates(double[] rates) {
        return String.format("%,.0f · %,.0f · %,.0f", rates[0], rates[1], rates[2]);
    }

    private static void execute(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows/s of one 100,000-row INSERT statement. */
    private static double timedInsert(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute(sql);
            return 100_000 / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void page(AuditQueries queries, String label, AuditFilter filter, String cursor, int limit,
                             double floor) {
        page(queries, label, filter, cursor, limit, floor, BIG_TENANT);
    }

    private static void page(AuditQueries queries, String label, AuditFilter filter, String cursor, int limit,
                             double floor, String tenant) {
        report(label, () -> queries.page(tenant, filter, cursor, limit).then(), floor);
    }

    private static void operators(AuditQueries queries, String label, String tenant, AuditFilter filter, double floor) {
        report(label, () -> queries.acrossTenants(tenant, filter, null, 100).then(), floor);
    }

    private static double report(String label, Supplier<Mono<Void>> request, double floor) {
        return report(label, request, floor, WARM_UP, RUNS);
    }

    private static double report(String label, Supplier<Mono<Void>> request, double floor, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            request.get().block(Duration.ofMinutes(1));
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            request.get().block(Duration.ofMinutes(1));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double p50 = millis[runs / 2];
        System.out.printf("  %-40s p50 %8.2f ms  p99 %8.2f ms  (floor p50 %.2f ms)%n", label, p50,
                millis[runs * 99 / 100], floor == 0 ? p50 : floor);
        return p50;
    }

    private static AuditFilter filter(Instant from, Instant to, String contextNip, String statusClass) {
        return new AuditFilter(from, to, null, contextNip, null,
                statusClass == null ? null : StatusClass.parse(statusClass), null);
    }

    private static String deepCursor() {
        int g = BIG / 2;
        return new AuditCursor(BIG_TENANT, T0.plusSeconds(g), String.format("%s-e-%09d", BIG_TENANT, g)).encode();
    }

    /** One row a second per tenant; 1 in 100 rows 429 and 1 in 10,000 rows 503; three contexts; four integrations. */
    private static long seed(EmbeddedPostgres pg) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_service') THEN
                        CREATE ROLE audit_service LOGIN PASSWORD 'audit-service' NOSUPERUSER NOBYPASSRLS;
                      END IF;
                    END $$;
                    GRANT audit_reader, audit_projector, audit_auditor TO audit_service;
                    TRUNCATE audit.audit_log;
                    """);
            s.execute(insert("'" + BIG_TENANT + "'", BIG));
            s.execute(insert("'tenant-small-' || (g % 99)", 99_000));
            s.execute("ANALYZE audit.audit_log");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Rows/s of one 100,000-row INSERT for a new tenant, as the indexes stand. */
    private static double writeRate(EmbeddedPostgres pg, String tenant) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute(insert("'" + tenant + "'", 100_000));
            return 100_000 / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void dropOperatorsIndexes(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX audit.audit_log_occurred");
        }
    }

    private static void dropSelectiveIndexes(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX audit.audit_log_tenant_error_status; DROP INDEX audit.audit_log_tenant_integration");
        }
    }

    private static String insert(String tenant, int rows) {
        return insert(tenant, rows, 0);
    }

    /** {@code rows} rows of {@code tenant}, one a second from {@code T0 + startSecond}. */
    private static String insert(String tenant, int rows, long startSecond) {
        return """
                INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, causation_id,
                    occurred_at, source, operation, tenant_nip, provider_nip, http_status, duration_ms,
                    integration_id, method, endpoint, calls, recorded_at)
                SELECT %1$s || '-e-' || lpad(g::text, 9, '0'), %1$s, 'KsefCallRecorded', 'cmd-' || (g / 10),
                    'cmd-' || (g / 10), timestamptz '2026-01-01T00:00:00Z' + (%3$d + g) * interval '1 second',
                    'tenant-worker',
                    (ARRAY['ksef.session.open','ksef.session.invoice.send','ksef.session.status',
                           'ksef.session.close','ksef.auth.redeem'])[1 + g %% 5],
                    (ARRAY['5265877635','7010002137','1111111111'])[1 + g %% 3], '7010002137',
                    CASE WHEN g %% 10000 = 0 THEN 503 WHEN g %% 100 = 0 THEN 429 ELSE 200 END, 80,
                    'integration-' || (g %% 4), 'POST', '/sessions/online', 1, now()
                FROM generate_series(1, %2$d) AS g
                """.formatted(tenant, rows, startSecond);
    }
}
