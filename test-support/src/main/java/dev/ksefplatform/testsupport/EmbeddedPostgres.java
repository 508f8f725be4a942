package dev.ksefplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One real PostgreSQL server per JVM (zonky's embedded binaries), with the platform's database
 * {@code ksef} created. Each service creates its own schema through its Flyway migrations.
 */
public final class EmbeddedPostgres {

    public static final String DATABASE = "ksef";
    private static final boolean DURABLE = Boolean.getBoolean("ksef.test.postgres.durable");
    private static volatile EmbeddedPostgres instance;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(int port, java.nio.file.Path dataDirectory) {
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "300")
                            // tests need no commit on the disk; a benchmark measuring what production pays asks for
                            // it with -Dksef.test.postgres.durable=true (fsync and synchronous_commit on)
                            .setServerConfig("fsync", DURABLE ? "on" : "off")
                            .setServerConfig("synchronous_commit", DURABLE ? "on" : "off")
                            // as the deployments: the worker's queue tables need fresh statistics (its V7 migration)
                            .setServerConfig("autovacuum_naptime", "2s");
            // a benchmark may preload extra libraries, e.g. -Dksef.test.postgres.preload=pg_stat_statements
            String preload = System.getProperty("ksef.test.postgres.preload");
            if (preload != null && !preload.isBlank()) {
                builder.setServerConfig("shared_preload_libraries", preload)
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            this.server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        createDatabase();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
    }

    /** The shared server on a free port, with a throw-away data directory. */
    public static EmbeddedPostgres get() {
        return start(0, null);
    }

    /** The shared server; {@code port} 0 = any free port; {@code dataDirectory} null = temporary. */
    public static synchronized EmbeddedPostgres start(int port, java.nio.file.Path dataDirectory) {
        if (instance == null) {
            instance = new EmbeddedPostgres(port, dataDirectory);
        }
        return instance;
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return server.getPort();
    }

    public String database() {
        return DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + DATABASE;
    }

    /** The shared {@code ksef.db.*} properties every service derives its connections from. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "ksef.db.host", host(),
                "ksef.db.port", port(),
                "ksef.db.name", DATABASE,
                "ksef.db.username", username(),
                "ksef.db.password", password());
    }

    /** A JDBC connection for test assertions on read models. */
    public Connection connect() throws SQLException {
        return server.getDatabase(username(), DATABASE).getConnection();
    }

    private void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            statement.execute("ALTER USER postgres PASSWORD 'postgres'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
