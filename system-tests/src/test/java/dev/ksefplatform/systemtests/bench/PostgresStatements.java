package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which statements PostgreSQL spent its time on over one phase, from {@code pg_stat_statements} (preloaded by
 * {@link CostPlatform}, every statement tracked, nested ones too, planning timed apart: the services keep no
 * server-side prepared statements, so each execution is planned again). Each service logs in as a user named after
 * it, so the user column names the owner ({@code sync-service}; {@code sync_reader}, {@code audit_reader}: a
 * service's tenant reads, which switch role; {@code postgres}: this benchmark's own backlog reads).
 */
final class PostgresStatements {

    static final int TOP = 15;
    static final int TOP_BY_WAL = 10;
    private static final int TEXT = 150;
    private static final String TOP_STATEMENTS = """
            SELECT r.rolname, d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.rows, s.query,
                   s.total_plan_time, s.wal_bytes
            FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.total_exec_time DESC LIMIT %d""".formatted(TOP);
    private static final String TOP_WAL = """
            SELECT r.rolname, s.calls, s.wal_bytes, s.wal_fpi, s.rows, s.query
            FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
            WHERE s.wal_bytes > 0 ORDER BY s.wal_bytes DESC LIMIT %d""".formatted(TOP_BY_WAL);
    private static final String BY_USER = """
            SELECT r.rolname, sum(s.calls), sum(s.total_exec_time), sum(s.total_plan_time), sum(s.wal_bytes)
            FROM pg_stat_statements s
            JOIN pg_roles r ON r.oid = s.userid GROUP BY r.rolname ORDER BY 3 DESC""";

    private final Backlog.Connections db;

    PostgresStatements(Backlog.Connections db) {
        this.db = db;
    }

    /** Creates the extension (once) in the platform's database. */
    void install() {
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** Forgets every statement counted so far: a phase starts from zero. */
    void reset() {
        execute("SELECT pg_stat_statements_reset()");
    }

    /** The phase's {@code FIGURE cost/<phase> postgres statements} block: the top statements by total execution time. */
    String lines(String phase, int invoices) {
        StringBuilder out = new StringBuilder(String.format("FIGURE cost/%s postgres statements: top %d by total"
                + " execution time, per invoice (%,d invoices)%n", phase, TOP, invoices));
        out.append(String.format("    %-18s %-5s %9s %9s %9s %8s %9s %9s  %s%n", "user", "db", "calls/inv", "ms/inv",
                "mean µs", "rows/call", "plan ms/inv", "WAL KB/inv", "statement"));
        query(TOP_STATEMENTS, rs -> out.append(String.format("    %-18s %-5s %9.3f %9.4f %9.1f %8.1f %9.4f %9.2f  %s%n",
                rs.getString(1), rs.getString(2), rs.getLong(3) / (double) invoices, rs.getDouble(4) / invoices,
                rs.getDouble(5) * 1e3, rs.getLong(6) / (double) Math.max(1, rs.getLong(3)),
                rs.getDouble(8) / invoices, rs.getDouble(9) / 1024 / invoices, shorten(rs.getString(7)))));
        out.append(String.format("    the %d that wrote the most WAL, per invoice: WAL KB, full-page images, calls, rows"
                + " per call%n", TOP_BY_WAL));
        query(TOP_WAL, rs -> out.append(String.format("    %-18s %9.2f %7.3f %9.3f %8.1f  %s%n", rs.getString(1),
                rs.getDouble(3) / 1024 / invoices, rs.getLong(4) / (double) invoices, rs.getLong(2) / (double) invoices,
                rs.getLong(5) / (double) Math.max(1, rs.getLong(2)), shorten(rs.getString(6)))));
        out.append("    all statements by user:");
        query(BY_USER, rs -> out.append(String.format(" %s %.2f calls %.3f ms (planning %.3f ms) %.1f KB of WAL;",
                rs.getString(1), rs.getLong(2) / (double) invoices, rs.getDouble(3) / invoices,
                rs.getDouble(4) / invoices, rs.getDouble(5) / 1024 / invoices)));
        return out.append(" (per invoice)").toString();
    }

    private static String shorten(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() <= TEXT ? line : line.substring(0, TEXT) + "…";
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}
