package dev.ksefplatform.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ksefplatform.systemtests.faults.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost benchmark's PostgreSQL flushes every commit to the disk, as production does. zonky's embedded server has
 * neither {@code fsync} nor {@code synchronous_commit} unless told, and until 2026-12-06 the benchmark's figures were
 * taken without a flush while its README said otherwise; this keeps the settings and what the server does with them
 * from drifting apart again.
 */
class CostPlatformPostgresIT {

    @TempDir
    Path directory;

    @Test
    void flushesTheWalAtEveryCommit() throws SQLException {
        try (Postgres postgres = new Postgres(directory.resolve("data"), CostPlatform.POSTGRES_SETTINGS)) {
            postgres.start();
            assertThat(new PostgresWal(postgres::connect).settingsLine())
                    .contains(" fsync on;", " synchronous_commit on;");
            long before = walSyncs(postgres);
            try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (i int)");
                for (int i = 0; i < 3; i++) {
                    s.execute("INSERT INTO probe VALUES (" + i + ")"); // three commits, one after another
                }
            } // a backend reports its WAL statistics at the latest when it exits

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(walSyncs(postgres)).isGreaterThanOrEqualTo(before + 3));
        }
    }

    /** {@code fdatasync} calls on the WAL so far, whoever made them (a committing backend or the WAL writer). */
    private static long walSyncs(Postgres postgres) throws SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
