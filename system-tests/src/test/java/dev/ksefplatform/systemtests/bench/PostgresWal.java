package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What one phase made PostgreSQL write ahead and flush, from {@code pg_stat_wal} and {@code pg_stat_bgwriter}
 * (PostgreSQL 14): WAL records, full-page images (a page's first change after a checkpoint is logged whole) and bytes
 * per invoice, the WAL flushes ({@code fdatasync} calls: a commit waits for one unless another already covered it;
 * the WAL writer and full segments make others) and the checkpoints.
 */
final class PostgresWal {

    /** What decides what a commit waits for and how much it writes. */
    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "wal_sync_method",
            "full_page_writes", "wal_compression", "max_wal_size", "checkpoint_timeout", "shared_buffers",
            "commit_delay");

    private final Backlog.Connections db;

    PostgresWal(Backlog.Connections db) {
        this.db = db;
    }

    /** The {@code postgres:} line: those settings as the running server has them. */
    String settingsLine() {
        StringBuilder line = new StringBuilder("postgres:");
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (String name : DURABILITY) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
                    rs.next();
                    line.append(' ').append(name).append(' ').append(rs.getString(1)).append(';');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's settings", e);
        }
        return line.toString();
    }

    /** Zeroes both views: a phase starts from zero. */
    void reset() {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_reset_shared('wal'), pg_stat_reset_shared('bgwriter')");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset PostgreSQL's WAL statistics", e);
        }
    }

    /** The phase's {@code FIGURE cost/<phase> postgres wal} line. */
    String line(String phase, int invoices) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_write, w.wal_sync, w.wal_buffers_full,
                       b.checkpoints_timed, b.checkpoints_req, b.buffers_checkpoint, b.buffers_backend
                FROM pg_stat_wal w, pg_stat_bgwriter b""")) {
            rs.next();
            double n = invoices;
            return String.format("FIGURE cost/%s postgres wal: per invoice %.1f records, %.2f full-page images, %.1f KB"
                            + " (%,.0f MB in all), %.2f writes, %.2f flushes, %.3f times the WAL buffers were full;"
                            + " checkpoints %d timed, %d requested, %,d buffers written by them, %,d by backends",
                    phase, rs.getLong(1) / n, rs.getLong(2) / n, rs.getDouble(3) / n / 1024, rs.getDouble(3) / 1048576,
                    rs.getLong(4) / n, rs.getLong(5) / n, rs.getLong(6) / n, rs.getLong(7), rs.getLong(8),
                    rs.getLong(9), rs.getLong(10));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_wal", e);
        }
    }
}
