package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What autovacuum did in one phase, table by table, from {@code pg_stat_all_tables}: its vacuums and analyses, beside
 * the rows the phase inserted, updated and deleted there. {@code PostgresCpu} says what the autovacuum workers cost;
 * this says where they went. Counters are read at the start and the end ({@code pg_stat_reset} would zero the
 * statement statistics' neighbours too).
 */
final class PostgresMaintenance {

    private static final int TOP = 10;
    private static final String TABLES = """
            SELECT schemaname || '.' || relname, autovacuum_count, autoanalyze_count, n_tup_ins, n_tup_upd,
                   n_tup_del
              FROM pg_stat_all_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""";

    private final Backlog.Connections db;
    private Map<String, long[]> before = new HashMap<>();

    PostgresMaintenance(Backlog.Connections db) {
        this.db = db;
    }

    /** The counters now: the phase is measured from here. */
    void reset() {
        before = read();
    }

    private Map<String, long[]> read() {
        Map<String, long[]> tables = new HashMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_all_tables", e);
        }
        return tables;
    }

    /** The phase's {@code FIGURE cost/<phase> postgres autovacuum} line: the tables it visited most, most first. */
    String line(String phase) {
        Map<String, long[]> after = read();
        Map<String, long[]> delta = new HashMap<>();
        after.forEach((table, now) -> {
            long[] was = before.getOrDefault(table, new long[now.length]);
            long[] d = new long[now.length];
            for (int i = 0; i < now.length; i++) {
                d[i] = now[i] - was[i];
            }
            if (d[0] + d[1] > 0) {
                delta.put(table, d);
            }
        });
        long vacuums = delta.values().stream().mapToLong(d -> d[0]).sum();
        long analyses = delta.values().stream().mapToLong(d -> d[1]).sum();
        StringBuilder line = new StringBuilder(String.format("FIGURE cost/%s postgres autovacuum: %d vacuums and %d"
                + " analyses in %d tables; most visited (vacuums, analyses | rows inserted, updated, deleted):",
                phase, vacuums, analyses, delta.size()));
        delta.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .limit(TOP).forEach(e -> line.append(String.format(" %s %d, %d | %,d, %,d, %,d;", e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])));
        return line.toString();
    }
}
