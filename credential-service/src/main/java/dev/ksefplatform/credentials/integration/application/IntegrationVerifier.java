package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import dev.ksefplatform.credentials.integration.domain.VerificationVerdict;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.CauseScope;
import dev.ksefplatform.credentials.session.application.KsefContext;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Logs in to KSeF with the integration's credential in the taxpayer's context — a KSeF token, or a
 * certificate by XAdES — and checks that it carries every requested scope there (the token's own
 * permissions, or the certificate subject's personal grants): ACTIVE if so, EXPIRED if KSeF reports
 * the KSeF token inactive or revoked, ERROR with an actionable reason otherwise. A transient KSeF failure leaves the status alone and surfaces as {@code KsefUnavailable}.
 */
public final class IntegrationVerifier {

    private static final Logger log = LoggerFactory.getLogger(IntegrationVerifier.class);

    private final IntegrationRepository repository;
    private final IntegrationEvents events;
    private final CredentialSource credentials;
    private final KsefLogin ksef;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final Scheduler blocking;

    public IntegrationVerifier(IntegrationRepository repository, IntegrationEvents events, CredentialSource credentials,
                               KsefLogin ksef, AccessTokens accessTokens, Clock clock, Scheduler blocking) {
        this.repository = repository;
        this.events = events;
        this.credentials = credentials;
        this.ksef = ksef;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** Verifies for the service's own schedule ({@link Cause#SYSTEM}). */
    public Mono<Integration> verify(IntegrationId id) {
        return verify(id, Cause.SYSTEM);
    }

    /** Verifies for {@code cause}: its KSeF calls and the events of the outcome name it. */
    public Mono<Integration> verify(IntegrationId id, Cause cause) {
        return repository.find(id)
                .switchIfEmpty(Mono.error(() -> new IntegrationNotFound(id.toString())))
                .doOnNext(integration -> integration.requireCanMoveTo(IntegrationStatus.ACTIVE))
                .flatMap(integration -> credentials.open(integration).publishOn(blocking)
                        .map(credential -> CauseScope.within(cause, () -> check(integration, credential)))
                        .flatMap(outcome -> apply(integration, outcome, cause)));
    }

    private Outcome check(Integration integration, KsefCredential credential) {
        String reference = credential instanceof KsefCredential.KsefToken token
                ? Integration.ksefTokenReference(token.token()) : null;
        try {
            SessionTokens tokens = ksef.login(integration.environment(), integration.taxpayerNip(), credential);
            return new Outcome(judge(integration, tokens.access().value(), reference), tokens, false);
        } catch (KsefCredentialRejected e) {
            return new Outcome(new VerificationVerdict.Failed(refusalReason(integration, e)), null, e.tokenInactive());
        }
    }

    /**
     * A KSeF token is judged by its own status and permissions and by what the login may do now in the context (its
     * author may have lost a grant the token still lists); a certificate by its subject's grants in the context.
     */
    private VerificationVerdict judge(Integration integration, String accessToken, String tokenReference) {
        if (integration.credentialType() == CredentialType.CERTIFICATE) {
            return VerificationVerdict.judgeCertificate(integration,
                    ksef.personalGrants(integration.environment(), accessToken, integration.taxpayerNip()));
        }
        KsefTokenGrant grant = ksef.tokenGrant(integration.environment(), integration.taxpayerNip(), accessToken,
                tokenReference);
        return VerificationVerdict.judge(integration, grant,
                ksef.personalGrants(integration.environment(), accessToken, integration.taxpayerNip()));
    }

    private Mono<Integration> apply(Integration integration, Outcome outcome, Cause cause) {
        if (outcome.verdict() instanceof VerificationVerdict.Confirmed confirmed) {
            Integration active = integration.moveTo(IntegrationStatus.ACTIVE, null, clock.instant());
            accessTokens.remember(contextOf(active), outcome.tokens(), cause);
            return events.recorded(repository.update(active),
                            saved -> new IntegrationEvent.Verified(saved, confirmed.scopes(), cause))
                    .doOnNext(saved -> LogIds.log(saved.tenantId(), saved.id(), cause, () -> log.info(
                            "integration verified integrationId={} tenantId={} status=ACTIVE", saved.id(), saved.tenantId())));
        }
        String reason = ((VerificationVerdict.Failed) outcome.verdict()).reason();
        Integration failed = integration.moveTo(outcome.tokenInactive() ? IntegrationStatus.EXPIRED
                : IntegrationStatus.ERROR, reason, clock.instant());
        accessTokens.forgetIntegration(integration.id().toString());
        return events.recorded(repository.update(failed),
                        saved -> new IntegrationEvent.StatusChanged(saved, integration.status(), cause))
                .doOnNext(saved -> LogIds.log(saved.tenantId(), saved.id(), cause, () -> log.warn(
                        "integration verification failed integrationId={} tenantId={} status={} reason={}", saved.id(),
                        saved.tenantId(), saved.status(), reason)));
    }

    /**
     * Where an integration goes when KSeF refuses its credential: EXPIRED if KSeF reports the KSeF token
     * inactive or revoked, ERROR otherwise — either way with a reason that says what to do.
     */
    public static Integration refused(Integration integration, KsefCredentialRejected rejection, Instant at) {
        IntegrationStatus next = rejection.tokenInactive() ? IntegrationStatus.EXPIRED : IntegrationStatus.ERROR;
        return integration.moveTo(next, refusalReason(integration, rejection), at);
    }

    private static String refusalReason(Integration integration, KsefCredentialRejected rejection) {
        if (integration.usesProviderCredential() && !rejection.tokenInactive()) {
            return rejection.getMessage() + " — grant " + String.join(", ", new TreeSet<>(integration.scopes()))
                    + " to NIP " + integration.providerNip() + " in KSeF context " + integration.taxpayerNip()
                    + " (KSeF portal, as the taxpayer) and verify again";
        }
        if (rejection.tokenInactive()) {
            return rejection.getMessage() + " — KSeF reports the KSeF token inactive or revoked: generate a new KSeF "
                    + "token for NIP " + integration.taxpayerNip() + ", rotate the integration's secret and verify again";
        }
        return rejection.getMessage() + " — check the KSeF token for NIP " + integration.taxpayerNip()
                + " and rotate the secret";
    }

    public static KsefContext contextOf(Integration integration) {
        return new KsefContext(integration.id().toString(), integration.environment(), integration.taxpayerNip());
    }

    private record Outcome(VerificationVerdict verdict, SessionTokens tokens, boolean tokenInactive) {
    }
}
