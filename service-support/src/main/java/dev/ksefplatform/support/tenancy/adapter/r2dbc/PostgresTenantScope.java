package dev.ksefplatform.support.tenancy.adapter.r2dbc;

import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One transaction per read, as a reader role with {@code app.tenant_id} set, which the service's row-level security
 * policies compare each row's tenant with; optionally under a statement timeout. Every setting is transaction-local
 * and ends with it, so a pooled connection keeps none of them.
 */
public final class PostgresTenantScope implements TenantScope {

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String TENANT = "set_config('app.tenant_id', :tenantId, true)";
    private static final String TIMEOUT = "set_config('statement_timeout', :timeout, true)";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final String readerRole;
    private final String statementTimeout;

    private PostgresTenantScope(DatabaseClient db, TransactionalOperator transaction, String readerRole,
                                String statementTimeout) {
        this.db = db;
        this.transaction = transaction;
        this.readerRole = role(readerRole);
        this.statementTimeout = statementTimeout;
    }

    /** Reads as {@code readerRole}, under the server's own statement timeout. */
    public static PostgresTenantScope asRole(DatabaseClient db, TransactionalOperator transaction, String readerRole) {
        return new PostgresTenantScope(db, transaction, readerRole, null);
    }

    /** The same scope with each statement of a read cancelled by the database after {@code timeout}. */
    public PostgresTenantScope withStatementTimeout(Duration timeout) {
        return new PostgresTenantScope(db, transaction, readerRole, timeout.toMillis() + "ms");
    }

    @Override
    public <T> Mono<T> read(String tenantId, Mono<T> work) {
        return enter(tenantId, readerRole).then(work).as(transaction::transactional);
    }

    @Override
    public <T> Flux<T> readMany(String tenantId, Flux<T> work) {
        return enter(tenantId, readerRole).thenMany(work).as(transaction::transactional);
    }

    /** A read with no tenant set, as {@code role}, whose own policies decide what it sees (an operators' view). */
    public <T> Flux<T> acrossTenants(String role, Flux<T> work) {
        return enter(null, role(role)).thenMany(work).as(transaction::transactional);
    }

    private Mono<Void> enter(String tenantId, String role) {
        return settings(tenantId).then(db.sql("SET LOCAL ROLE " + role).then());
    }

    private Mono<Void> settings(String tenantId) {
        if (tenantId == null && statementTimeout == null) {
            return Mono.empty();
        }
        if (statementTimeout == null) {
            return db.sql("SELECT " + TENANT).bind("tenantId", tenantId).then();
        }
        if (tenantId == null) {
            return db.sql("SELECT " + TIMEOUT).bind("timeout", statementTimeout).then();
        }
        return db.sql("SELECT " + TENANT + ", " + TIMEOUT).bind("tenantId", tenantId)
                .bind("timeout", statementTimeout).then();
    }

    /** Role names go into SQL as identifiers (SET ROLE takes no parameter), so only plain lower-case names pass. */
    private static String role(String name) {
        if (name == null || !ROLE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain role name: " + name);
        }
        return name;
    }
}
