package dev.ksefplatform.sync.tenancy.adapter.r2dbc;

import dev.ksefplatform.sync.tenancy.application.TenantScope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One transaction per read, as role {@code sync_reader} with {@code app.tenant_id} set (migration V7's policies).
 * Both settings are transaction-local and end with it, so a pooled connection keeps neither.
 */
public final class PostgresTenantScope implements TenantScope {

    static final String READER_ROLE = "sync_reader";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public PostgresTenantScope(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    @Override
    public <T> Mono<T> read(String tenantId, Mono<T> work) {
        return enter(tenantId).then(work).as(transaction::transactional);
    }

    @Override
    public <T> Flux<T> readMany(String tenantId, Flux<T> work) {
        return enter(tenantId).thenMany(work).as(transaction::transactional);
    }

    private Mono<Void> enter(String tenantId) {
        return db.sql("SELECT set_config('app.tenant_id', :tenantId, true)").bind("tenantId", tenantId).then()
                .then(db.sql("SET LOCAL ROLE " + READER_ROLE).then());
    }
}
