package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.ContextHold;
import dev.ksefplatform.sync.submission.domain.ContextHold.HoldKey;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hold state of the tenants' contexts. */
public interface ContextHolds {

    Flux<ContextHold> findAll(Collection<HoldKey> keys);

    Mono<Void> saveAll(Collection<ContextHold> holds);

    /** The tenant's contexts that hold submissions now, optionally only {@code contextNip}'s (null: all). */
    Flux<ContextHold> held(String tenantId, String contextNip);
}
