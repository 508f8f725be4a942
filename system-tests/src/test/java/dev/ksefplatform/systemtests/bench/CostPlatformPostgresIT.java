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

    @Test
    void chargesABackendsCpuToItsUserAndSumsToWhatTheCostLineCounts() throws SQLException {
        try (Postgres postgres = new Postgres(directory.resolve("data"), CostPlatform.POSTGRES_SETTINGS)) {
            postgres.start();
            try (Connection kept = postgres.connect(); Statement s = kept.createStatement()) {
                s.execute("SELECT 1");
                String line;
                ProcessCpu whole = new ProcessCpu(java.util.Map.of("pg", postgres.pid()), "pg");
                ProcessCpu.Sample before = whole.sample();
                try (PostgresCpu cpu = new PostgresCpu(postgres.pid())) {
                    for (int i = 0; i < 3; i++) {
                        s.execute("SELECT count(*) FROM generate_series(1, 3000000)");
                    }
                    try (Connection ended = postgres.connect(); Statement e = ended.createStatement()) {
                        e.execute("SELECT count(*) FROM generate_series(1, 3000000)");
                    }
                    CostBenchmark.pause(100); // the ended backend reaped
                    cpu.close();
                    line = cpu.line("test", 1);
                }
                double all = whole.sample().millisSince(before, "pg");
                assertThat(figure(line, "postgres's backends")).as(line).isGreaterThanOrEqualTo(100);
                // the ended backend's time after its last reading is in the whole, as the cost line counts it
                assertThat(figure(line, "in all")).as(line + " against " + all).isBetween(all - 30, all);
            }
        }
    }

    @Test
    void namesTheTablesAutovacuumVisitedInThePhaseWithTheirRows() throws SQLException {
        try (Postgres postgres = new Postgres(directory.resolve("data"), CostPlatform.POSTGRES_SETTINGS)) {
            postgres.start();
            PostgresMaintenance maintenance = new PostgresMaintenance(postgres::connect);
            try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE quiet (i int)");
                s.execute("CREATE TABLE churn (i int)");
                maintenance.reset();
                s.execute("INSERT INTO churn SELECT generate_series(1, 5000)");
                s.execute("DELETE FROM churn WHERE i % 2 = 0");
            } // an idle backend may hold its table statistics back; it reports them at the latest when it exits

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(maintenance.line("test"))
                    .containsPattern("in 1 tables; .*: public\\.churn [1-9]\\d*, [1-9]\\d* \\| 5,000, 0, 2,500;$"));
        }
    }

    private static double figure(String line, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name)
                + " ([0-9.]+) ms").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
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
