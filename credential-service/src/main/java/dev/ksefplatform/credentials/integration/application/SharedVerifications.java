package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;

/**
 * Re-checks asked for by the worker (after KSeF refused an action): concurrent requests for one integration share one
 * verification, so a burst of refusals costs KSeF one login, not one per refused invoice.
 */
public final class SharedVerifications {

    private final IntegrationVerifier verifier;
    private final ConcurrentMap<IntegrationId, Mono<Integration>> inFlight = new ConcurrentHashMap<>();

    public SharedVerifications(IntegrationVerifier verifier) {
        this.verifier = verifier;
    }

    /** A verification already running for the integration serves this request too, under its own cause. */
    public Mono<Integration> verify(IntegrationId id, Cause cause) {
        return Mono.defer(() -> inFlight.computeIfAbsent(id, key -> verifier.verify(key, cause)
                .doFinally(signal -> inFlight.remove(key))
                .cache()));
    }
}
