package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.integration.domain.ProviderCredentialNotFound;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers a provider's own credential once and rotates it in place: sealed like tenant secrets, it serves every
 * integration that references it. Cached KSeF tokens stay valid across a rotation, so clients see no downtime; the
 * next login in each context uses the new secret.
 */
public final class ProviderCredentials {

    private static final Logger log = LoggerFactory.getLogger(ProviderCredentials.class);

    private final ProviderCredentialRepository repository;
    private final IntegrationEvents events;
    private final SecretVault vault;
    private final Predicate<String> knownEnvironment;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ProviderCredentials(ProviderCredentialRepository repository, IntegrationEvents events, SecretVault vault,
                               Predicate<String> knownEnvironment, Clock clock, Supplier<UUID> ids) {
        this.repository = repository;
        this.events = events;
        this.vault = vault;
        this.knownEnvironment = knownEnvironment;
        this.clock = clock;
        this.ids = ids;
    }

    public Mono<ProviderCredential> register(ProviderRegistration registration) {
        return Mono.fromCallable(() -> {
            RegistrationRules.checkProvider(registration, knownEnvironment);
            return new ProviderCredential(ids.get(), registration.environment(), registration.providerNip(),
                    registration.credentialType(), registration.description(), clock.instant(), clock.instant());
        }).flatMap(credential -> events.recorded(repository.insert(credential,
                        vault.seal(credential, registration.secret())), IntegrationEvent.ProviderRegistered::new))
                .doOnNext(saved -> log.info("provider credential registered providerCredentialId={} environment={} "
                        + "providerNip={} type={}", saved.id(), saved.environment(), saved.providerNip(),
                        saved.credentialType()));
    }

    public Mono<ProviderCredential> get(UUID id) {
        return repository.find(id).switchIfEmpty(Mono.error(() -> new ProviderCredentialNotFound(id.toString())));
    }

    public Flux<ProviderCredential> list() {
        return repository.list();
    }

    public Mono<ProviderCredential> rotate(UUID id, CredentialType type, String secret) {
        return get(id).map(current -> {
            if (type != current.credentialType()) {
                throw new InvalidRequest("credential type " + current.credentialType()
                        + " cannot change; register a new provider credential instead");
            }
            RegistrationRules.checkSecret(type, secret);
            return current.rotated(clock.instant());
        }).flatMap(next -> events.recorded(repository.replaceSecret(next, vault.seal(next, secret)),
                        saved -> new IntegrationEvent.ProviderChanged(saved, "ROTATED", null)))
                .doOnNext(next -> log.info("provider credential rotated providerCredentialId={} providerNip={}",
                        next.id(), next.providerNip()));
    }
}
