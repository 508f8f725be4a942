package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Provider credentials and their sealed secrets. */
public interface ProviderCredentialRepository {

    Mono<ProviderCredential> insert(ProviderCredential credential, Envelope secret);

    Mono<ProviderCredential> find(UUID id);

    Flux<ProviderCredential> list();

    Mono<Envelope> secretOf(UUID id);

    /** Replaces the envelope in place: every integration referencing the credential uses the new one from now on. */
    Mono<ProviderCredential> replaceSecret(ProviderCredential credential, Envelope secret);
}
