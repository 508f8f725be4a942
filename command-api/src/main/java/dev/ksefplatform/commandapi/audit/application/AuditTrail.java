package dev.ksefplatform.commandapi.audit.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/** The audit log in audit-projector's read model; pages are passed through as it answers them. */
public interface AuditTrail {

    /** One page of the tenant's own rows; the tenant is the authenticated one, never a parameter. */
    Mono<Map<String, Object>> tenantPage(String tenantId, Map<String, String> query);

    /** One page of the operators' view across tenants ({@code tenantId} in the query narrows it to one). */
    Mono<Map<String, Object>> operatorsPage(Map<String, String> query);
}
