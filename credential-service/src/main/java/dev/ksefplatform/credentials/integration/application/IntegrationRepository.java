package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Integration accounts and their sealed secrets. */
public interface IntegrationRepository {

    /** @return error {@link dev.ksefplatform.credentials.integration.domain.NipAlreadyRegistered} if the NIP is taken */
    Mono<Integration> insert(Integration integration, Envelope secret);

    Mono<Integration> find(IntegrationId id);

    /** The environment's integration for a NIP that is not revoked, if any. */
    Mono<Integration> findLive(String environment, String taxpayerNip);

    Flux<Integration> list(IntegrationQuery query);

    Mono<Integration> update(Integration integration);

    Mono<Envelope> secretOf(IntegrationId id);

    /** Stores the new envelope and the integration's new state in one transaction. */
    Mono<Integration> replaceSecret(Integration integration, Envelope secret);
}
