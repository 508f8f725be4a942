package dev.ksefplatform.audit.traceability.application;

import dev.ksefplatform.audit.traceability.domain.TenantViolation;
import java.util.List;
import reactor.core.publisher.Mono;

/** The violation rows, one per event id. */
public interface ViolationLog {

    /** Appends the violations; returns those not recorded before (a redelivered event's is recorded once). */
    Mono<List<TenantViolation>> recordAll(List<TenantViolation> violations);
}
