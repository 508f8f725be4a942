package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.SyncState;
import reactor.core.publisher.Mono;

/** Inbox sync progress per tenant and subject type. */
public interface SyncStates {

    Mono<SyncState> find(String tenantId, String subjectType);

    Mono<Void> save(SyncState state);
}
