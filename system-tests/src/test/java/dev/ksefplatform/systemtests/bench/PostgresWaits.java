package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What PostgreSQL's busy backends were waiting for over one phase: {@code pg_stat_activity} sampled every
 * {@link #EVERY_MILLIS} ms from a thread of its own, each active backend counted under (user, wait event, statement).
 * {@code pg_stat_statements} says how long a statement took; this says whether that time was work ({@code CPU}: no
 * wait event) or a wait, and on what (a WAL flush, a lock, a read). A sample, not a trace: a share below a few per
 * cent is noise.
 */
final class PostgresWaits implements AutoCloseable {

    /** Every 10 ms the sampling itself took 0.28 ms of PostgreSQL's execution per invoice (0.85 ms a sample, 2026-12-06). */
    static final int EVERY_MILLIS = 50;
    private static final int TOP = 12;
    private static final String ACTIVE = """
            SELECT usename, coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(regexp_replace(query, '\\s+',
                   ' ', 'g'), 70)
            FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""";

    private final Map<String, Integer> seen = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int samples;

    PostgresWaits(Backlog.Connections db) {
        sampler = new Thread(() -> sample(db), "postgres-waits");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(Backlog.Connections db) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            while (running) {
                try (ResultSet rs = s.executeQuery(ACTIVE)) {
                    synchronized (seen) {
                        samples++;
                        while (rs.next()) {
                            seen.merge(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3), 1, Integer::sum);
                        }
                    }
                }
                CostBenchmark.pause(EVERY_MILLIS);
            }
        } catch (SQLException e) {
            System.out.println("  (postgres waits not sampled: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The phase's {@code FIGURE cost/<phase> postgres waits} block: busy backends on average, the top triples. */
    String lines(String phase) {
        synchronized (seen) {
            int busy = seen.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder out = new StringBuilder(String.format("FIGURE cost/%s postgres waits: %,d samples every %d ms,"
                    + " %.2f client backends active on average; top %d (user | wait event or CPU | statement):"
                    + " share of the active samples%n", phase, samples, EVERY_MILLIS, busy / (double) Math.max(1, samples),
                    TOP));
            Map<String, Integer> byWait = new HashMap<>();
            seen.forEach((key, n) -> byWait.merge(key.split(" \\| ")[1], n, Integer::sum));
            seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                    .forEach(e -> out.append(String.format("    %5.1f %%  %s%n", 100.0 * e.getValue() / busy, e.getKey())));
            out.append("    by wait event:");
            byWait.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format(" %s %.1f %%;", e.getKey(), 100.0 * e.getValue() / busy)));
            return out.toString();
        }
    }
}
