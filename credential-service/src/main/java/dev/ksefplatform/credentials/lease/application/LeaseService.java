package dev.ksefplatform.credentials.lease.application;

import dev.ksefplatform.credentials.integration.application.IntegrationRepository;
import dev.ksefplatform.credentials.integration.application.IntegrationVerifier;
import dev.ksefplatform.credentials.integration.application.LogIds;
import dev.ksefplatform.credentials.integration.application.CredentialSource;
import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.lease.domain.LeaseDecision;
import dev.ksefplatform.credentials.lease.domain.LeasePolicy;
import dev.ksefplatform.credentials.lease.domain.LeaseRefused;
import dev.ksefplatform.credentials.lease.domain.LeaseRequest;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Grants KSeF access tokens to internal callers. {@link LeasePolicy} decides; a refusal goes
 * through {@link LeaseRefusals} and ends as a {@link LeaseRefused}, never retried.
 */
public final class LeaseService {

    private static final Logger log = LoggerFactory.getLogger(LeaseService.class);

    private final IntegrationRepository integrations;
    private final CredentialSource credentials;
    private final AccessTokens accessTokens;
    private final LeaseLog leaseLog;
    private final LeaseRefusals refusals;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public LeaseService(IntegrationRepository integrations, CredentialSource credentials, AccessTokens accessTokens,
                        LeaseLog leaseLog, LeaseRefusals refusals, Clock clock, Supplier<UUID> ids) {
        this.integrations = integrations;
        this.credentials = credentials;
        this.accessTokens = accessTokens;
        this.leaseLog = leaseLog;
        this.refusals = refusals;
        this.clock = clock;
        this.ids = ids;
    }

    /** {@code cause}: the caller's work the lease serves; a login it needs is audited under it. */
    public Mono<Lease> lease(LeaseRequest request, Cause cause) {
        String leaseId = ids.get().toString();
        Instant at = clock.instant();
        return integrations.findLive(request.environment(), request.contextNip())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    LeaseDecision decision = LeasePolicy.decide(request, found);
                    if (decision instanceof LeaseDecision.Granted granted) {
                        return grant(leaseId, request, granted.integration(), at, cause);
                    }
                    return refusals.refuse(leaseId, request, found.orElse(null), (LeaseDecision.Denied) decision, at, cause);
                });
    }

    private Mono<Lease> grant(String leaseId, LeaseRequest request, Integration integration, Instant at, Cause cause) {
        return Mono.fromFuture(() -> accessTokens.tokensFor(IntegrationVerifier.contextOf(integration),
                        () -> credentials.open(integration).toFuture(), cause))
                .flatMap(tokens -> leaseLog.record(record(leaseId, request, integration, at, LeaseRecord.Outcome.GRANTED, null))
                        .thenReturn(lease(leaseId, tokens, integration)))
                .doOnNext(lease -> LogIds.log(request.tenantId(), integration.id(), cause, request.environment(),
                        request.contextNip(), () -> log.info("credential lease granted leaseId={} caller={} purpose={} "
                                + "validUntil={}", leaseId, request.caller(), request.purpose(), lease.validUntil())))
                .onErrorResume(KsefCredentialRejected.class,
                        e -> refusals.credentialRejected(leaseId, request, integration, at, e, cause))
                .onErrorResume(e -> !(e instanceof LeaseRefused), e -> leaseLog
                        .record(record(leaseId, request, integration, at, LeaseRecord.Outcome.FAILED,
                                e.getClass().getSimpleName()))
                        .then(Mono.error(e)));
    }

    private static LeaseRecord record(String leaseId, LeaseRequest request, Integration integration, Instant at,
                                      LeaseRecord.Outcome outcome, String reason) {
        return new LeaseRecord(leaseId, request, integration.id().toString(), at, outcome, reason);
    }

    private static Lease lease(String leaseId, SessionTokens tokens, Integration integration) {
        return new Lease(leaseId, tokens.access().value(), tokens.access().validUntil(), integration.id().toString(),
                integration.providerNip());
    }
}
