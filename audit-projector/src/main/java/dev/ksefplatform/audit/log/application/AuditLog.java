package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit log read model. */
public interface AuditLog {

    /** Appends the rows in one statement; a row whose event id the log already holds is left as it is. */
    Mono<Void> appendAll(List<AuditEntry> entries);

    /** The tenant's entries matching the filter, newest first, after the cursor if there is one. */
    Flux<AuditEntry> page(String tenantId, AuditFilter filter, AuditCursor after, int limit);

    /** The operators' view: every tenant's entries ({@code tenantId} null) or one tenant's, newest first. */
    Flux<AuditEntry> pageAcrossTenants(String tenantId, AuditFilter filter, AuditorCursor after, int limit);
}
