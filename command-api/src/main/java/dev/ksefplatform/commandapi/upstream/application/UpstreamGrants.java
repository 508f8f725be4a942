package dev.ksefplatform.commandapi.upstream.application;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which tenants each upstream system may act for. */
public interface UpstreamGrants {

    Mono<Boolean> allows(String systemId, String tenantId);

    /** Idempotent: a grant given twice is one grant. */
    Mono<Void> grant(String systemId, String tenantId, Instant at);

    Mono<Void> withdraw(String systemId, String tenantId);

    Flux<Grant> of(String systemId);

    record Grant(String tenantId, Instant grantedAt) {
    }
}
