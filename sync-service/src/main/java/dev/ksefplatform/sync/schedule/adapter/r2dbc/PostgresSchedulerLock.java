package dev.ksefplatform.sync.schedule.adapter.r2dbc;

import dev.ksefplatform.sync.schedule.application.SchedulerLock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A PostgreSQL transaction-level advisory lock: {@code pg_try_advisory_xact_lock} never waits, is released at the
 * end of the transaction, and by the server when the holder's connection drops, so a dead instance never keeps it.
 */
public final class PostgresSchedulerLock implements SchedulerLock {

    /** "ksefsync" in ASCII: one lock per database for the inbox scheduler. */
    public static final long KEY = 0x6b73656673796e63L;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public PostgresSchedulerLock(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    @Override
    public <T> Mono<T> whileHolding(Mono<T> work) {
        return db.sql("SELECT pg_try_advisory_xact_lock(:key) AS held").bind("key", KEY)
                .map(row -> Boolean.TRUE.equals(row.get("held", Boolean.class))).one()
                .flatMap(held -> held ? work : Mono.<T>empty())
                .as(transaction::transactional);
    }
}
