package dev.ksefplatform.sync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of its own (zonky's binaries) as production runs it — a commit returns once its WAL is on the
 * disk: zonky starts the postmaster with {@code -F} (fsync off) and sets {@code synchronous_commit} off unless told,
 * so both are set back on here (until 2026-12-06 they were not) — with {@code pg_stat_statements} counting every
 * statement and its planning. The service logs in as {@code postgres}; the harness as {@code bench}, so its own reads
 * are not counted as the service's.
 */
final class StatementCounter implements AutoCloseable {

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    StatementCounter() throws IOException, SQLException {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.track_planning", "on").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE ksef");
            s.execute("ALTER USER postgres PASSWORD 'postgres'");
            s.execute("CREATE ROLE bench LOGIN SUPERUSER PASSWORD 'bench'");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
    }

    Map<String, Object> springProperties() {
        return Map.of("ksef.db.host", "localhost", "ksef.db.port", server.getPort(), "ksef.db.name", "ksef",
                "ksef.db.username", "postgres", "ksef.db.password", "postgres");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/ksef", "bench", "bench");
    }

    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The service's statements since {@link #reset()}, costliest first. */
    List<Counted> read() throws SQLException {
        List<Counted> counted = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT calls, rows, total_exec_time, total_plan_time, query"
                     + " FROM pg_stat_statements WHERE userid = 'postgres'::regrole"
                     + " ORDER BY total_exec_time + total_plan_time DESC")) {
            while (r.next()) {
                counted.add(new Counted(r.getLong(1), r.getLong(2), r.getDouble(3), r.getDouble(4), r.getString(5)));
            }
        }
        return counted;
    }

    record Counted(long calls, long rows, double execMs, double planMs, String query) {
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
