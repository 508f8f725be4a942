package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import reactor.core.publisher.Flux;

/** Reads a tenant's audit trail. */
public final class AuditQueries {

    public static final int MAX_LIMIT = 1000;

    private final AuditLog log;

    public AuditQueries(AuditLog log) {
        this.log = log;
    }

    public Flux<AuditEntry> latest(String tenantId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return log.latest(tenantId, limit);
    }
}
