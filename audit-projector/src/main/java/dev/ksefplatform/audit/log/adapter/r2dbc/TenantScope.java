package dev.ksefplatform.audit.log.adapter.r2dbc;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Runs a tenant's read in its own transaction as role {@code audit_reader} with {@code app.tenant_id} set, so
 * PostgreSQL's row-level security shows the tenant's rows only, whatever the query's own filter says. Both settings
 * are transaction-local and end with it, so a pooled connection carries neither to its next user.
 */
public final class TenantScope {

    static final String READER_ROLE = "audit_reader";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public TenantScope(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    public <T> Flux<T> read(String tenantId, Flux<T> query) {
        return db.sql("SELECT set_config('app.tenant_id', :tenantId, true)").bind("tenantId", tenantId).then()
                .then(db.sql("SET LOCAL ROLE " + READER_ROLE).then())
                .thenMany(query)
                .as(transaction::transactional);
    }
}
