package dev.ksefplatform.worker.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The worker database's statements over a window, from {@code pg_stat_statements}: only when the benchmark's
 * PostgreSQL preloads it ({@code -Dksef.test.postgres.preload=pg_stat_statements}, test-support), else silent.
 * The benchmark's own reads (its UPO backlog poll, these statistics) are left out; the total counts what the worker
 * sent (top-level statements), the list also the statements run inside a function (marked {@code nested}).
 */
final class WorkerStatements {

    private static final int TOP = 25;
    private static final String MINE = "s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND s.query NOT LIKE '%pg_stat%' AND s.query NOT LIKE 'SELECT count(*) FROM worker.upo_fetches%'";

    private final WorkerHarness env;
    private boolean available;

    WorkerStatements(WorkerHarness env) {
        this.env = env;
    }

    WorkerStatements start() {
        try (Connection db = env.connect(); Statement s = db.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            available = true;
        } catch (SQLException notPreloaded) {
            available = false;
        }
        return this;
    }

    void print(int invoices) throws SQLException {
        if (!available) {
            return;
        }
        try (Connection db = env.connect(); Statement s = db.createStatement()) {
            // WAL bytes and dirtied pages are the statements' work itself: unlike their time, not moved by the load.
            try (ResultSet all = s.executeQuery("SELECT sum(calls), sum(total_exec_time), sum(wal_bytes),"
                    + " sum(shared_blks_dirtied) FROM"
                    + " pg_stat_statements s WHERE " + MINE + " AND s.toplevel"
                    + " AND s.query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')")) {
                all.next();
                System.out.printf("worker's statements: %.2f per invoice (without BEGIN/COMMIT), %.3f ms executing,"
                        + " %.1f KB of WAL, %.2f pages dirtied%n", all.getLong(1) / (double) invoices,
                        all.getDouble(2) / invoices, all.getDouble(3) / 1024 / invoices,
                        all.getLong(4) / (double) invoices);
            }
            System.out.printf("    %9s %9s %9s %8s %9s  %s%n", "calls/inv", "ms/inv", "mean µs", "rows/call",
                    "WAL B/inv", "statement");
            try (ResultSet rows = s.executeQuery("SELECT calls, total_exec_time, mean_exec_time, rows, wal_bytes,"
                    + " CASE WHEN s.toplevel THEN '' ELSE 'nested: ' END || query FROM"
                    + " pg_stat_statements s WHERE " + MINE + " ORDER BY calls DESC LIMIT " + TOP)) {
                while (rows.next()) {
                    String query = rows.getString(6).replaceAll("\\s+", " ").trim();
                    System.out.printf("    %9.3f %9.4f %9.1f %8.1f %9.0f  %s%n", rows.getLong(1) / (double) invoices,
                            rows.getDouble(2) / invoices, rows.getDouble(3) * 1e3,
                            rows.getLong(4) / (double) Math.max(1, rows.getLong(1)), rows.getDouble(5) / invoices,
                            query.length() <= 140 ? query : query.substring(0, 140) + "…");
                }
            }
        }
    }
}
