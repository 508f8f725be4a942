package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Work the platform still has, read from its database: submissions the gateway has not yet published, commands the
 * worker has not finished and accepted invoices whose sent XML and UPO it has not yet published. Requests the benchmark
 * gave up on may still have been accepted; a window ends only once their work is done, so that it is not charged to
 * the next one, and an invoice's UPO is part of its cost.
 */
final class Backlog {

    /**
     * Each count reads a partial index of the open rows only: {@code published_at IS NULL} (the same rows as
     * {@code state = 'RECEIVED'}) scanned the whole table, 2.7 of PostgreSQL's 16 ms per invoice in a REST phase.
     * The UPOs' count reads the partial index of pending rows ({@code upo_fetches_due}). Counted only for the report
     * every 10 s: the worker's partial index holds a phase's churn until vacuumed, and counting it took 54 ms a call
     * (2026-12-06), 0.40 ms of PostgreSQL's execution per invoice charged to the platform's figures.
     */
    private static final String OPEN = "SELECT (SELECT count(*) FROM gateway.commands WHERE state = 'RECEIVED')"
            + " + (SELECT count(*) FROM worker.commands WHERE state <> 'DONE')"
            + " + (SELECT count(*) FROM worker.upo_fetches WHERE state = 'PENDING')";
    /**
     * Whether anything is open: each part stops at the first open row, but walks the partial indexes' dead entries
     * first (a phase's churn, until vacuumed): 72 ms a call (2026-12-06), asked every 200 ms while the UPOs were
     * published, it was PostgreSQL's costliest statement, 0.43 ms of execution per invoice charged to the figures.
     * Asked once a second now: the window may end up to a second late, and idle costs far less than the asking.
     */
    private static final String ANY_OPEN = "SELECT EXISTS (SELECT 1 FROM gateway.commands WHERE state = 'RECEIVED')"
            + " OR EXISTS (SELECT 1 FROM worker.commands WHERE state <> 'DONE')"
            + " OR EXISTS (SELECT 1 FROM worker.upo_fetches WHERE state = 'PENDING')";

    /** Opens a connection to the platform's database. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections db;

    Backlog(Connections db) {
        this.db = db;
    }

    long open() {
        return read(OPEN, rs -> rs.getLong(1));
    }

    boolean anyOpen() {
        return read(ANY_OPEN, rs -> rs.getBoolean(1));
    }

    private <T> T read(String sql, Column<T> column) {
        try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return column.of(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the platform's backlog", e);
        }
    }

    /** The one value a backlog query answers. */
    private interface Column<T> {
        T of(ResultSet row) throws SQLException;
    }

    /** Waits (at most {@code maxMillis}) until nothing is open; prints what is left every 10 s. */
    void awaitEmpty(long maxMillis) {
        long start = System.currentTimeMillis();
        long report = start;
        while (anyOpen() && System.currentTimeMillis() - start < maxMillis) {
            if (System.currentTimeMillis() - report > 10_000) {
                report = System.currentTimeMillis();
                System.out.printf("  … %,d submissions or UPOs still open in the platform%n", open());
            }
            CostBenchmark.pause(1_000);
        }
    }
}
