package dev.ksefplatform.systemtests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Work the platform still has, read from its database: submissions the gateway has not yet published and commands
 * the worker has not finished. Requests the benchmark gave up on may still have been accepted; a window begins only
 * once their work is done, so that it is not charged to the next one.
 */
final class Backlog {

    /**
     * Both counts read a partial index of the open rows only: {@code published_at IS NULL} (the same rows as
     * {@code state = 'RECEIVED'}) scanned the whole table, 2.7 of PostgreSQL's 16 ms per invoice in a REST phase.
     */
    private static final String OPEN = "SELECT (SELECT count(*) FROM gateway.commands WHERE state = 'RECEIVED')"
            + " + (SELECT count(*) FROM worker.commands WHERE state <> 'DONE')";

    /** Opens a connection to the platform's database. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections db;

    Backlog(Connections db) {
        this.db = db;
    }

    long open() {
        try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(OPEN)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the platform's backlog", e);
        }
    }

    /** Waits (at most {@code maxMillis}) until nothing is open; prints what is left every 10 s. */
    void awaitEmpty(long maxMillis) {
        long start = System.currentTimeMillis();
        long report = start;
        for (long open = open(); open > 0 && System.currentTimeMillis() - start < maxMillis; open = open()) {
            if (System.currentTimeMillis() - report > 10_000) {
                report = System.currentTimeMillis();
                System.out.printf("  … %,d submissions still open in the platform (accepted after the client gave up)%n", open);
            }
            CostBenchmark.pause(200);
        }
    }
}
