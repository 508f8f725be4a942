package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import dev.ksefplatform.credentials.integration.domain.VerificationVerdict;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefContext;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Logs in to KSeF with the integration's token in the taxpayer's context and checks that the token
 * is active there and carries every requested scope: ACTIVE if so, ERROR with an actionable reason
 * if not. A transient KSeF failure leaves the status alone and surfaces as {@code KsefUnavailable}.
 */
public final class IntegrationVerifier {

    private static final Logger log = LoggerFactory.getLogger(IntegrationVerifier.class);

    private final IntegrationRepository repository;
    private final IntegrationEvents events;
    private final SecretVault vault;
    private final KsefLogin ksef;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final Scheduler blocking;

    public IntegrationVerifier(IntegrationRepository repository, IntegrationEvents events, SecretVault vault,
                               KsefLogin ksef, AccessTokens accessTokens, Clock clock, Scheduler blocking) {
        this.repository = repository;
        this.events = events;
        this.vault = vault;
        this.ksef = ksef;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.blocking = blocking;
    }

    public Mono<Integration> verify(IntegrationId id) {
        return repository.find(id)
                .switchIfEmpty(Mono.error(() -> new IntegrationNotFound(id.toString())))
                .doOnNext(integration -> integration.requireCanMoveTo(IntegrationStatus.ACTIVE))
                .flatMap(integration -> repository.secretOf(id)
                        .flatMap(envelope -> Mono.fromCallable(() -> check(integration, envelope)).subscribeOn(blocking))
                        .flatMap(outcome -> apply(integration, outcome)));
    }

    private Outcome check(Integration integration, Envelope envelope) {
        if (integration.credentialType() == CredentialType.CERTIFICATE) {
            return new Outcome(new VerificationVerdict.Failed("certificate (XAdES) login is not available yet — "
                    + "register a KSEF_TOKEN credential for NIP " + integration.taxpayerNip()), null);
        }
        String ksefToken = vault.open(integration, envelope);
        try {
            SessionTokens tokens = ksef.loginWithKsefToken(integration.environment(), integration.taxpayerNip(), ksefToken);
            KsefTokenGrant grant = ksef.tokenGrant(integration.environment(), tokens.access().value(),
                    Integration.ksefTokenReference(ksefToken));
            return new Outcome(VerificationVerdict.judge(integration, grant), tokens);
        } catch (KsefCredentialRejected e) {
            return new Outcome(new VerificationVerdict.Failed(e.getMessage()
                    + " — check the KSeF token for NIP " + integration.taxpayerNip() + " and rotate the secret"), null);
        }
    }

    private Mono<Integration> apply(Integration integration, Outcome outcome) {
        if (outcome.verdict() instanceof VerificationVerdict.Confirmed confirmed) {
            Integration active = integration.moveTo(IntegrationStatus.ACTIVE, null, clock.instant());
            accessTokens.remember(contextOf(active), outcome.tokens());
            return repository.update(active)
                    .flatMap(saved -> events.publish(new IntegrationEvent.Verified(saved, confirmed.scopes()))
                            .thenReturn(saved))
                    .doOnNext(saved -> log.info("integration verified integrationId={} tenantId={} status=ACTIVE",
                            saved.id(), saved.tenantId()));
        }
        String reason = ((VerificationVerdict.Failed) outcome.verdict()).reason();
        Integration failed = integration.moveTo(IntegrationStatus.ERROR, reason, clock.instant());
        accessTokens.forgetIntegration(integration.id().toString());
        return repository.update(failed)
                .flatMap(saved -> events.publish(new IntegrationEvent.StatusChanged(saved, integration.status()))
                        .thenReturn(saved))
                .doOnNext(saved -> log.warn("integration verification failed integrationId={} tenantId={} reason={}",
                        saved.id(), saved.tenantId(), reason));
    }

    public static KsefContext contextOf(Integration integration) {
        return new KsefContext(integration.id().toString(), integration.environment(), integration.taxpayerNip());
    }

    private record Outcome(VerificationVerdict verdict, SessionTokens tokens) {
    }
}
