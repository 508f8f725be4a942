package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * What PostgreSQL spends on one accepted invoice's row (issue #8), apart from the gateway: the gateway's INSERT
 * (R2dbcCommandLog's statement, here over JDBC) of 5 KB invoices into {@code gateway.commands} as its migrations
 * make it, 100 tenants, on embedded PostgreSQL; the user and system CPU of the server processes that served the
 * connections ({@code /proc/<pid>/stat}) per row. Variants: one row a statement on one connection and on
 * {@code connections} (10) at once, {@code rows} (10) rows in one multi-row INSERT, and the first again without the
 * foreign key to {@code gateway.tenants}, and without the retention's index of the acceptance time; each of {@code invoices} (20,000) rows into a fresh table, {@code rounds}
 * (2) times. Prints figures, asserts nothing. Command: command-api/README.md, "What the kernel and PostgreSQL charge".
 */
public final class InsertCostBenchmark {

    private static final String COLUMNS = "(command_id, tenant_id, idempotency_key, invoice_number, sha256, state,"
            + " environment, context_nip, seller_nip, xml, created_at)";
    private static final String ROW = "(?, ?, ?, ?, ?, 'RECEIVED', 'TEST', ?, ?, ?, ?)";

    private InsertCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int invoices = Integer.getInteger("invoices", 20_000);
        int connections = Integer.getInteger("connections", 10);
        int rows = Integer.getInteger("rows", 10);
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        System.out.println(dev.ksefplatform.testsupport.MachineProbe.line());
        for (int round = 1; round <= Integer.getInteger("rounds", 2); round++) {
            measure(postgres, "1 row a statement, 1 connection", 1, 1, true, invoices);
            measure(postgres, "1 row a statement, " + connections + " connections", 1, connections, true, invoices);
            measure(postgres, rows + " rows a statement, 1 connection", rows, 1, true, invoices);
            measure(postgres, "1 row a statement, 1 connection, no foreign key", 1, 1, false, invoices);
            measure(postgres, "1 row a statement, 1 connection, no retention index", 1, 1, true, false, invoices);
        }
        System.exit(0);
    }

    private static void measure(EmbeddedPostgres postgres, String what, int rows, int connections, boolean foreignKey,
                                int invoices) throws Exception {
        measure(postgres, what, rows, connections, foreignKey, true, invoices);
    }

    private static void measure(EmbeddedPostgres postgres, String what, int rows, int connections, boolean foreignKey,
                                boolean retentionIndex, int invoices) throws Exception {
        List<UUID> tenants = freshSchema(postgres, foreignKey, retentionIndex);
        List<Connection> open = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Connection connection = postgres.connect();
            open.add(connection);
            pids.add(backendPid(connection));
        }
        byte[][] parts = Invoices.fiveKilobyteParts();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long[] before = cpu(pids);
        long started = System.nanoTime();
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection connection = open.get(c);
            int client = c;
            done.add(pool.submit(() -> insert(connection, client, rows, invoices / connections, tenants, parts)));
        }
        for (Future<Void> each : done) {
            each.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] after = cpu(pids);
        System.out.printf("FIGURE insert %-50s backends user %.3f + system %.3f ms per row, %,.0f rows/s%n", what + ":",
                (after[0] - before[0]) * 10.0 / invoices, (after[1] - before[1]) * 10.0 / invoices, invoices / seconds);
        pool.shutdown();
        for (Connection connection : open) {
            connection.close();
        }
    }

    private static Void insert(Connection connection, int client, int rows, int count, List<UUID> tenants,
                               byte[][] parts) throws SQLException {
        String sql = "INSERT INTO gateway.commands " + COLUMNS + " VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, ROW)) + " ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING command_id, sha256";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i += rows) {
                for (int r = 0; r < rows; r++) {
                    int n = client * count + i + r;
                    UUID tenant = tenants.get(n % tenants.size());
                    int p = r * 9;
                    insert.setObject(p + 1, UUID.randomUUID());
                    insert.setObject(p + 2, tenant);
                    insert.setString(p + 3, "key-" + n);
                    insert.setString(p + 4, "B" + n);
                    insert.setString(p + 5, "sha256-of-invoice-" + n);
                    insert.setString(p + 6, "5265877635");
                    insert.setString(p + 7, "5265877635");
                    insert.setString(p + 8, new String(Invoices.join(parts, "5265877635", "B" + n), StandardCharsets.UTF_8));
                    insert.setTimestamp(p + 9, Timestamp.from(Instant.now()));
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        inserted.getString(2);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The gateway's schema as its migrations make it, empty, and 100 tenants; optionally without the foreign key or
     * the retention's index of the acceptance time (V9).
     */
    private static List<UUID> freshSchema(EmbeddedPostgres postgres, boolean foreignKey, boolean retentionIndex)
            throws SQLException {
        try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS gateway CASCADE");
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .schemas("gateway").createSchemas(true).locations("classpath:db/migration/gateway")
                    // V9 builds its index CONCURRENTLY: Flyway's lock must not be a transaction's (command-api.yml)
                    .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
            if (!foreignKey) {
                sql.execute("ALTER TABLE gateway.commands DROP CONSTRAINT commands_tenant_id_fkey");
            }
            if (!retentionIndex) {
                sql.execute("DROP INDEX gateway.commands_created");
            }
            List<UUID> tenants = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                UUID id = UUID.randomUUID();
                tenants.add(id);
                sql.execute(String.format("INSERT INTO gateway.tenants (id, name, nip, api_key_sha256, status, created_at)"
                        + " VALUES ('%s', 'T%d', '%010d', '%064d', 'ACTIVE', now())", id, i, i, i));
            }
            sql.execute("VACUUM ANALYZE");
            return tenants;
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet pid = sql.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        }
    }

    /** User and system clock ticks of these server processes ({@link CpuMeter#stat}). */
    private static long[] cpu(List<Long> pids) {
        long[] sum = new long[2];
        for (long pid : pids) {
            long[] stat = CpuMeter.stat(Path.of("/proc", Long.toString(pid), "stat"));
            sum[0] += stat[0];
            sum[1] += stat[1];
        }
        return sum;
    }
}
