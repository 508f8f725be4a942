package dev.ksefplatform.worker.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh database of its own on the embedded PostgreSQL with the worker's migrations, as the worker runs them
 * (Flyway's lock a session's, not a transaction's: V8 builds its indexes concurrently), for tests of its statements.
 */
final class WorkerDatabase {

    private WorkerDatabase() {
    }

    static JdbcTemplate migrated(String database) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        String url = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + database;
        Flyway.configure().dataSource(url, pg.username(), pg.password()).schemas("worker").createSchemas(true)
                .locations("classpath:db/migration/worker")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
        // pooled: a connection of its own per statement (a backend forked, a password checked) cost ~20 ms, so
        // seeding a few thousand rows took most of a minute
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(pg.username());
        pool.setPassword(pg.password());
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        pool.setPoolName(database);
        return new JdbcTemplate(new HikariDataSource(pool));
    }
}
