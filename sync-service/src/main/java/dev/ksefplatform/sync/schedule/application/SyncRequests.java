package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.inbox.domain.SubjectTypes;
import dev.ksefplatform.sync.integration.application.Integrations;
import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * "Sync now": issues a SyncInbox command for the tenant at once, unless one of that subject type runs, in which
 * case the running one is the answer. Asking twice never starts two.
 */
public final class SyncRequests {

    private final SyncCandidates candidates;
    private final Integrations integrations;
    private final SyncIssuer issuer;
    private final SyncOrders orders;
    private final TransactionalOperator transaction;

    public SyncRequests(SyncCandidates candidates, Integrations integrations, SyncIssuer issuer, SyncOrders orders,
                        TransactionalOperator transaction) {
        this.candidates = candidates;
        this.integrations = integrations;
        this.issuer = issuer;
        this.orders = orders;
        this.transaction = transaction;
    }

    /** @throws InboxSyncUnavailable (as the Mono's error) when the tenant has no integration whose inbox is read */
    public Mono<SyncRequested> syncNow(String tenantId, String subjectType, String requestedBy) {
        SubjectTypes.require(subjectType);
        return candidates.of(tenantId, subjectType)
                .switchIfEmpty(Mono.defer(() -> unavailable(tenantId)))
                .flatMap(candidate -> {
                    SyncOrder order = orders.requested(candidate, requestedBy);
                    return issuer.issue(order).flatMap(issued -> issued
                            ? Mono.just(new SyncRequested(order.commandId(), subjectType, true))
                            : running(tenantId, subjectType));
                })
                .as(transaction::transactional);
    }

    /** Says why: the status of the integration the tenant changed last, if any. */
    private <T> Mono<T> unavailable(String tenantId) {
        return integrations.latestOf(tenantId).map(Integration::status)
                .map(status -> new InboxSyncUnavailable(tenantId, status))
                .defaultIfEmpty(new InboxSyncUnavailable(tenantId, null)).flatMap(Mono::error);
    }

    private Mono<SyncRequested> running(String tenantId, String subjectType) {
        return candidates.of(tenantId, subjectType).flatMap(candidate -> Mono.justOrEmpty(candidate.run()))
                .map(run -> new SyncRequested(run.runningCommandId(), subjectType, false));
    }

    /** The command of the sync: a new one ({@code started}) or the one already running. */
    public record SyncRequested(String commandId, String subjectType, boolean started) {
    }
}
