package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditQueryTimedOut;
import dev.ksefplatform.support.tenancy.adapter.r2dbc.PostgresTenantScope;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Runs a tenant's read as role {@code audit_reader} with {@code app.tenant_id} set (service-support's
 * {@link PostgresTenantScope}), so PostgreSQL's row-level security shows the tenant's rows only, under a statement
 * timeout; or, for the operators' view, as {@code audit_auditor} across tenants. A read the database cancels for
 * its timeout becomes {@link AuditQueryTimedOut}.
 */
public final class TenantScope {

    static final String READER_ROLE = "audit_reader";
    static final String AUDITOR_ROLE = "audit_auditor";
    private static final String QUERY_CANCELED = "57014";

    private final PostgresTenantScope scope;

    /** {@code statementTimeout} bounds each statement of a read, whatever its filter makes the database do. */
    public TenantScope(DatabaseClient db, TransactionalOperator transaction, Duration statementTimeout) {
        this.scope = PostgresTenantScope.asRole(db, transaction, READER_ROLE).withStatementTimeout(statementTimeout);
    }

    public <T> Flux<T> read(String tenantId, Flux<T> query) {
        return scope.readMany(tenantId, query).onErrorMap(TenantScope::cancelledByTimeout, AuditQueryTimedOut::new);
    }

    /** The operators' read of every tenant, as role {@code audit_auditor} (its policy shows all rows, read only). */
    public <T> Flux<T> acrossTenants(Flux<T> query) {
        return scope.acrossTenants(AUDITOR_ROLE, query)
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
