package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.ProcessPlatform;
import dev.ksefplatform.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL server of one fault test (zonky's embedded binaries, its own process), with database {@code ksef}:
 * stopped and started again on the same data directory and port, as a restarted database server.
 */
public final class Postgres implements AutoCloseable {

    /** The fault suite's server: a crash of the machine is not what it tests, so commits need not reach the disk. */
    private static final Map<String, String> FAULT_SUITE = Map.of("max_connections", "300", "fsync", "off");

    private final int port = FreePorts.pick();
    private final Path directory;
    private final Map<String, String> settings;
    private EmbeddedPostgres server;

    public Postgres(Path directory) {
        this(directory, FAULT_SUITE);
    }

    /** @param settings the server's configuration ({@code postgresql.conf} names), the defaults for the rest */
    public Postgres(Path directory, Map<String, String> settings) {
        this.directory = directory;
        this.settings = Map.copyOf(settings);
    }

    public void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory)
                    .setCleanDataDirectory(false);
            settings.forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
        createDatabase();
    }

    /** A superuser login of its own with the platform's password, so that a service's statements carry its name. */
    public void createLogin(String name) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE \"" + name + "\" LOGIN SUPERUSER PASSWORD 'postgres'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create login " + name, e);
        }
    }

    /** Stops the server (fast shutdown: clients are disconnected). */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessPlatform.Database database() {
        return new ProcessPlatform.Database("localhost", port, "postgres", "postgres");
    }

    public Connection connect() throws SQLException {
        return server.getDatabase("postgres", "ksef").getConnection();
    }

    /** The postmaster's process id (first line of {@code postmaster.pid}); the backends are its children. */
    public long pid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'ksef'").next()) {
                statement.execute("CREATE DATABASE ksef");
            }
            statement.execute("ALTER USER postgres PASSWORD 'postgres'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database ksef", e);
        }
    }
}
