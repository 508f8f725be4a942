package dev.ksefplatform.commandapi.inbox.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The read side of a tenant's inbox (sync-service's, CONTRACTS §4). Bodies are passed through as the read model
 * wrote them, so fields it adds reach tenants without a change here. Every call is bound to {@code tenantId}.
 */
public interface TenantInbox {

    /** A page {@code {items, nextCursor}}; {@code query} holds only parameters the gateway has checked. */
    Mono<Map<String, Object>> page(String tenantId, Map<String, String> query);

    /** One invoice's normalised view; empty when the tenant has no such invoice. */
    Mono<Map<String, Object>> invoice(String tenantId, String ksefNumber);

    /** The document as received; empty when the tenant has no such invoice. */
    Mono<InboxDocument> document(String tenantId, String ksefNumber);

    /** Arrivals per UTC day {@code {from, to, total, days: [{day, count}]}}, over a period the gateway has checked. */
    Mono<Map<String, Object>> arrivals(String tenantId, LocalDate from, LocalDate to);

    /** One entry per subject type. */
    Mono<List<Object>> syncStates(String tenantId);

    Mono<SyncStart> requestSync(String tenantId, String subjectType, String requestedBy);
}
