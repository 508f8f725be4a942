package dev.ksefplatform.credentials.outbox.adapter.r2dbc;

import dev.ksefplatform.credentials.outbox.application.RelayLock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A transaction-level advisory lock ({@code pg_try_advisory_xact_lock}) around the relay's transaction: it never waits,
 * ends with the transaction, and the server drops it with the connection of a dead instance. The transaction pins one
 * connection for the run, so the session-affinity problem of a session-level lock over an R2DBC pool does not arise.
 */
public final class PostgresRelayLock implements RelayLock {

    /** "credobox" in ASCII: the credential-service outbox relay. */
    static final long KEY = 0x637265646f626f78L;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public PostgresRelayLock(DatabaseClient db, TransactionalOperator transaction) {
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
