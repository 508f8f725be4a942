package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.SyncState;
import dev.ksefplatform.sync.inbox.domain.SyncState.SyncKey;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inbox sync progress per tenant and subject type. */
public interface SyncStates {

    Flux<SyncState> findAll(Collection<SyncKey> keys);

    Mono<Void> saveAll(Collection<SyncState> states);

    Flux<SyncState> ofTenant(String tenantId);
}
