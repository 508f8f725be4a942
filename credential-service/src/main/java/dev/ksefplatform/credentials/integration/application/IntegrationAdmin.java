package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers integration accounts and moves them through their lifecycle. */
public final class IntegrationAdmin {

    private static final Logger log = LoggerFactory.getLogger(IntegrationAdmin.class);

    private final IntegrationRepository repository;
    private final ProviderCredentialRepository providers;
    private final IntegrationEvents events;
    private final SecretVault vault;
    private final AccessTokens accessTokens;
    private final Predicate<String> knownEnvironment;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public IntegrationAdmin(IntegrationRepository repository, ProviderCredentialRepository providers,
                            IntegrationEvents events, SecretVault vault, AccessTokens accessTokens,
                            Predicate<String> knownEnvironment, Clock clock, Supplier<UUID> ids) {
        this.repository = repository;
        this.providers = providers;
        this.events = events;
        this.vault = vault;
        this.accessTokens = accessTokens;
        this.knownEnvironment = knownEnvironment;
        this.clock = clock;
        this.ids = ids;
    }

    public Mono<Integration> register(Registration registration) {
        if (registration.providerCredentialId() != null) {
            return registerReferencing(registration);
        }
        return Mono.fromCallable(() -> {
            RegistrationRules.check(registration, knownEnvironment);
            return newIntegration(registration);
        }).flatMap(integration -> events.recorded(repository.insert(integration,
                        vault.seal(integration, registration.secret())), IntegrationEvent.Registered::new))
                .doOnNext(saved -> LogIds.log(saved.tenantId(), saved.id(), null, () -> log.info(
                        "integration registered integrationId={} tenantId={} environment={} nip={}", saved.id(),
                        saved.tenantId(), saved.environment(), saved.taxpayerNip())));
    }

    /** An integration acting with the provider's credential in the taxpayer's context: no secret of its own. */
    private Mono<Integration> registerReferencing(Registration registration) {
        return Mono.fromRunnable(() -> RegistrationRules.checkReferencing(registration, knownEnvironment))
                .then(Mono.defer(() -> providers.find(registration.providerCredentialId())))
                .switchIfEmpty(Mono.error(() -> new InvalidRequest("providerCredentialId "
                        + registration.providerCredentialId() + " does not name a provider credential")))
                .map(provider -> referencing(registration, provider))
                .flatMap(integration -> events.recorded(repository.insert(integration, null),
                        IntegrationEvent.Registered::new))
                .doOnNext(saved -> LogIds.log(saved.tenantId(), saved.id(), null, () -> log.info(
                        "integration registered integrationId={} tenantId={} environment={} nip={} providerCredentialId={}",
                        saved.id(), saved.tenantId(), saved.environment(), saved.taxpayerNip(),
                        saved.providerCredentialId())));
    }

    private Integration referencing(Registration r, ProviderCredential provider) {
        if (!provider.environment().equals(r.environment())) {
            throw new InvalidRequest("the provider credential is for environment " + provider.environment());
        }
        if (r.providerNip() != null && !r.providerNip().equals(provider.providerNip())) {
            throw new InvalidRequest("providerNip must be the provider credential's NIP " + provider.providerNip());
        }
        var now = clock.instant();
        return new Integration(new IntegrationId(ids.get()), r.tenantId(), r.environment(), r.taxpayerNip(),
                provider.providerNip(), r.scopes(), provider.credentialType(), IntegrationStatus.PENDING, null, now, now,
                provider.id());
    }

    public Flux<Integration> list(IntegrationQuery query) {
        if (query.environment() != null && !knownEnvironment.test(query.environment())) {
            return Flux.error(new InvalidRequest("environment must be one of the configured KSeF environments"));
        }
        return repository.list(query);
    }

    public Mono<Integration> get(IntegrationId id) {
        return repository.find(id).switchIfEmpty(Mono.error(() -> new IntegrationNotFound(id.toString())));
    }

    public Mono<Integration> disable(IntegrationId id) {
        return disable(id, "disabled by an administrator");
    }

    public Mono<Integration> disable(IntegrationId id, String why) {
        return disable(id, why, null);
    }

    /** An operator's disabling: its event names {@code cause}'s actor for the audit log. */
    public Mono<Integration> disable(IntegrationId id, Cause cause) {
        return disable(id, "disabled by an administrator", cause);
    }

    /** {@code cause}: who asked, named in the event (null: nobody named). */
    public Mono<Integration> disable(IntegrationId id, String why, Cause cause) {
        return transition(id, IntegrationStatus.DISABLED, why, cause);
    }

    /** A re-enabled integration is PENDING until it is verified again. */
    public Mono<Integration> enable(IntegrationId id) {
        return enable(id, null);
    }

    /** As {@link #enable(IntegrationId)}, naming {@code cause}'s actor (null: none) in its event. */
    public Mono<Integration> enable(IntegrationId id, Cause cause) {
        return transition(id, IntegrationStatus.PENDING, "enabled; verify the integration", cause);
    }

    public Mono<Integration> revoke(IntegrationId id) {
        return get(id).map(current -> current.moveTo(IntegrationStatus.REVOKED, "revoked by an administrator",
                        clock.instant()))
                .flatMap(revoked -> events.recorded(repository.update(revoked), IntegrationEvent.Revoked::new))
                .doOnNext(revoked -> accessTokens.forgetIntegration(revoked.id().toString()));
    }

    public Mono<Integration> rotateSecret(IntegrationId id, CredentialType type, String secret) {
        return get(id).map(current -> {
            if (current.usesProviderCredential()) {
                throw new InvalidRequest("the integration uses provider credential " + current.providerCredentialId()
                        + "; rotate that (POST /admin/v1/provider-credentials/{id}/secret)");
            }
            if (type != current.credentialType()) {
                throw new InvalidRequest("credential type " + current.credentialType()
                        + " cannot change; register a new integration instead");
            }
            RegistrationRules.checkSecret(type, secret);
            return current.withNewSecret(clock.instant());
        }).flatMap(next -> events.recorded(repository.replaceSecret(next, vault.seal(next, secret)),
                        IntegrationEvent.SecretRotated::new))
                .doOnNext(next -> accessTokens.forgetIntegration(next.id().toString()))
                .doOnNext(next -> LogIds.log(next.tenantId(), next.id(), null, () -> log.info(
                        "integration secret rotated integrationId={} tenantId={} status={}", next.id(), next.tenantId(),
                        next.status())));
    }

    private Mono<Integration> transition(IntegrationId id, IntegrationStatus to, String why, Cause cause) {
        return get(id).flatMap(current -> events.recorded(repository.update(current.moveTo(to, why, clock.instant())),
                        next -> new IntegrationEvent.StatusChanged(next, current.status(), cause)))
                .doOnNext(next -> accessTokens.forgetIntegration(next.id().toString()));
    }

    private Integration newIntegration(Registration r) {
        var now = clock.instant();
        return new Integration(new IntegrationId(ids.get()), r.tenantId(), r.environment(), r.taxpayerNip(),
                r.providerNip(), r.scopes(), r.credentialType(), IntegrationStatus.PENDING, null, now, now);
    }
}
