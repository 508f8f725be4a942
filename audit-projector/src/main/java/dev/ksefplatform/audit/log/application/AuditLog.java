package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit log read model. */
public interface AuditLog {

    Mono<Boolean> holds(String eventId);

    Mono<Void> append(AuditEntry entry);

    /** The tenant's entries, newest first. */
    Flux<AuditEntry> latest(String tenantId, int limit);
}
