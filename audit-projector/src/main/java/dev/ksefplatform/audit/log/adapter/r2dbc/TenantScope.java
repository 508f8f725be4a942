package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditQueryTimedOut;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a tenant's read in its own transaction as role {@code audit_reader} with {@code app.tenant_id} set, so
 * PostgreSQL's row-level security shows the tenant's rows only, whatever the query's own filter says, and under a
 * statement timeout; or, for the operators' view, as {@code audit_auditor} across tenants. The settings are
 * transaction-local and end with it, so a pooled connection keeps none of them.
 */
public final class TenantScope {

    static final String READER_ROLE = "audit_reader";
    static final String AUDITOR_ROLE = "audit_auditor";
    private static final String QUERY_CANCELED = "57014";
    private static final String SETTINGS =
            "SELECT set_config('app.tenant_id', :tenantId, true), set_config('statement_timeout', :timeout, true)";
    private static final String TIMEOUT = "SELECT set_config('statement_timeout', :timeout, true)";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final String statementTimeout;

    /** {@code statementTimeout} bounds each statement of a read, whatever its filter makes the database do. */
    public TenantScope(DatabaseClient db, TransactionalOperator transaction, Duration statementTimeout) {
        this.db = db;
        this.transaction = transaction;
        this.statementTimeout = statementTimeout.toMillis() + "ms";
    }

    public <T> Flux<T> read(String tenantId, Flux<T> query) {
        return scoped(db.sql(SETTINGS).bind("tenantId", tenantId).bind("timeout", statementTimeout).then(),
                READER_ROLE, query);
    }

    /** The operators' read of every tenant, as role {@code audit_auditor} (its policy shows all rows, read only). */
    public <T> Flux<T> acrossTenants(Flux<T> query) {
        return scoped(db.sql(TIMEOUT).bind("timeout", statementTimeout).then(), AUDITOR_ROLE, query);
    }

    private <T> Flux<T> scoped(Mono<Void> settings, String role, Flux<T> query) {
        return settings.then(db.sql("SET LOCAL ROLE " + role).then())
                .thenMany(query)
                .as(transaction::transactional)
                .onErrorMap(TenantScope::cancelledByTimeout, AuditQueryTimedOut::new);
    }

    private static boolean cancelledByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r2dbc && QUERY_CANCELED.equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
