package dev.ksefplatform.credentials.lease.application;

import dev.ksefplatform.credentials.integration.application.IntegrationEvents;
import dev.ksefplatform.credentials.integration.application.IntegrationRepository;
import dev.ksefplatform.credentials.integration.application.IntegrationVerifier;
import dev.ksefplatform.credentials.integration.application.LogIds;
import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.lease.domain.DenialReason;
import dev.ksefplatform.credentials.lease.domain.LeaseDecision;
import dev.ksefplatform.credentials.lease.domain.LeaseRefused;
import dev.ksefplatform.credentials.lease.domain.LeaseRequest;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** What a refused lease leaves behind: a lease row, a {@code CredentialLeaseDenied} event, a counter, a log line. */
public final class LeaseRefusals {

    private static final Logger log = LoggerFactory.getLogger(LeaseRefusals.class);

    private final LeaseLog leaseLog;
    private final IntegrationEvents events;
    private final IntegrationRepository integrations;
    private final AccessTokens accessTokens;
    private final MeterRegistry meters;

    public LeaseRefusals(LeaseLog leaseLog, IntegrationEvents events, IntegrationRepository integrations,
                         AccessTokens accessTokens, MeterRegistry meters) {
        this.leaseLog = leaseLog;
        this.events = events;
        this.integrations = integrations;
        this.accessTokens = accessTokens;
        this.meters = meters;
    }

    /** Records and announces the refusal, then fails with the matching {@link LeaseRefused}. */
    public <T> Mono<T> refuse(String leaseId, LeaseRequest request, Integration found, LeaseDecision.Denied denied,
                              Instant at, Cause cause) {
        String integrationId = found != null && found.belongsTo(request.tenantId()) ? found.id().toString() : null;
        meters.counter("credentials.lease.denied", "reason", denied.reason().name()).increment();
        LogIds.log(request.tenantId(), integrationId, cause, request.environment(), request.contextNip(), () -> log.warn(
                "credential lease denied leaseId={} caller={} tenantId={} environment={} contextNip={} purpose={} "
                        + "reason={}", leaseId, request.caller(), request.tenantId(), request.environment(),
                request.contextNip(), request.purpose(), denied.reason()));
        Mono<Boolean> recordedRow = leaseLog.record(new LeaseRecord(leaseId, request, integrationId, at,
                LeaseRecord.Outcome.DENIED, denied.reason().name())).thenReturn(true);
        return events.recorded(recordedRow, row -> new IntegrationEvent.LeaseDenied(request.tenantId(),
                        request.environment(), request.contextNip(), request.purpose(), denied.reason().name(), cause))
                .onErrorResume(e -> {
                    // the refusal stands even if it cannot be recorded
                    log.error("cannot record the lease refusal leaseId={}", leaseId, e);
                    return Mono.empty();
                })
                .then(Mono.error(LeaseRefused.of(denied)));
    }

    /** KSeF no longer accepts the stored credential: the integration is EXPIRED or in ERROR until an admin acts. */
    public <T> Mono<T> credentialRejected(String leaseId, LeaseRequest request, Integration integration, Instant at,
                                          KsefCredentialRejected rejection, Cause cause) {
        Integration failed = IntegrationVerifier.refused(integration, rejection, at);
        accessTokens.forgetIntegration(integration.id().toString());
        LogIds.log(integration.tenantId(), integration.id(), cause, () -> log.warn(
                "KSeF refused a stored credential integrationId={} tenantId={} status={}", integration.id(),
                integration.tenantId(), failed.status()));
        return events.recorded(integrations.update(failed),
                        saved -> new IntegrationEvent.StatusChanged(saved, integration.status(), cause))
                .then(refuse(leaseId, request, failed, new LeaseDecision.Denied(DenialReason.INTEGRATION_NOT_ACTIVE,
                        "KSeF refused the integration's credential; the integration is now " + failed.status()), at,
                cause));
    }
}
