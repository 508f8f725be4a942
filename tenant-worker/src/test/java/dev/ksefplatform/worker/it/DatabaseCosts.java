package dev.ksefplatform.worker.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the worker's database did in a window: transactions committed (from {@code pg_stat_database}, less the
 * benchmark's own reads) and the CPU of the PostgreSQL backends serving it (from {@code /proc}, Linux only; the
 * embedded PostgreSQL runs as processes of its own).
 */
final class DatabaseCosts {

    private final WorkerHarness env;
    private long ownReads;
    private long transactionsBefore;
    private Map<Long, Long> cpuBefore;
    private long transactions;
    private long cpuNanos;

    DatabaseCosts(WorkerHarness env) {
        this.env = env;
    }

    DatabaseCosts start() throws SQLException {
        transactionsBefore = transactions();
        cpuBefore = backendCpuTicks();
        return this;
    }

    /** The benchmark read the worker's database once more (not the worker's cost). */
    void ownRead() {
        ownReads++;
    }

    void stop() throws Exception {
        Map<Long, Long> cpuAfter = backendCpuTicks();
        long ticks = 0;
        for (Map.Entry<Long, Long> backend : cpuAfter.entrySet()) {
            ticks += backend.getValue() - cpuBefore.getOrDefault(backend.getKey(), 0L);
        }
        cpuNanos = ticks * 10_000_000L;
        Thread.sleep(1_500); // the statistics reach pg_stat_database a moment after the transactions
        // less the three reads of this class itself between the two counts
        transactions = transactions() - transactionsBefore - ownReads - 3;
    }

    void print(int invoices) {
        System.out.printf("worker's database: %.2f transactions per invoice; its backends' CPU %.2f ms per invoice%n",
                (double) transactions / invoices, cpuNanos / 1e6 / invoices);
    }

    private long transactions() throws SQLException {
        try (Connection db = env.connect(); Statement s = db.createStatement(); ResultSet row = s.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** pid → user + system CPU ticks (1/100 s) of every backend connected to the worker's database. */
    private Map<Long, Long> backendCpuTicks() throws SQLException {
        Map<Long, Long> ticks = new HashMap<>();
        try (Connection db = env.connect(); Statement s = db.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                long pid = rows.getLong(1);
                try {
                    String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "")
                            .split(" ");
                    ticks.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                } catch (java.io.IOException | RuntimeException gone) {
                    // the backend ended meanwhile, or this is not Linux
                }
            }
        }
        return ticks;
    }
}
