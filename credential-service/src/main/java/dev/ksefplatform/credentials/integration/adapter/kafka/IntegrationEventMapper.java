package dev.ksefplatform.credentials.integration.adapter.kafka;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.integration.domain.KsefCall;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import dev.ksefplatform.schemas.v1.CredentialLeaseDenied;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationRevoked;
import dev.ksefplatform.schemas.v1.IntegrationSecretRotated;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.ProviderCredentialChanged;
import dev.ksefplatform.schemas.v1.ProviderCredentialRegistered;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Domain events to Avro envelopes; the only place that knows the Avro types. */
public final class IntegrationEventMapper {

    public static final String SOURCE = "credential-service";

    private final Clock clock;
    private final Supplier<UUID> ids;

    public IntegrationEventMapper(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public EventEnvelope toEnvelope(IntegrationEvent event) {
        String messageId = ids.get().toString();
        Cause cause = event.cause();
        return EventEnvelope.newBuilder()
                .setMessageId(messageId)
                .setTenantId(event.tenantId())
                .setCorrelationId(cause == null || cause.correlationId() == null ? messageId : cause.correlationId())
                .setCausationId(cause == null ? null : cause.causationId())
                .setOccurredAt(clock.instant())
                .setSource(SOURCE)
                .setAudit(audit(event))
                .setPayload(payload(event))
                .build();
    }

    private static AuditInfo audit(IntegrationEvent event) {
        AuditInfo.Builder audit = AuditInfo.newBuilder().setOperation(event.operation()).setActor(actor(event.cause()));
        if (event instanceof IntegrationEvent.LeaseDenied denied) {
            return audit.setTenantNip(denied.contextNip()).setError(denied.reason()).build();
        }
        if (event instanceof IntegrationEvent.ProviderRegistered registered) {
            return audit.setProviderNip(registered.credential().providerNip()).build();
        }
        if (event instanceof IntegrationEvent.ProviderChanged changed) {
            return audit.setProviderNip(changed.credential().providerNip()).setError(changed.reason()).build();
        }
        if (event instanceof IntegrationEvent.KsefCallRecorded recorded) {
            return callAudit(audit, recorded);
        }
        // the integration's id too, so the audit log filtered by an integration shows its lifecycle, not only its calls
        Integration integration = ((IntegrationEvent.AboutIntegration) event).integration();
        return audit.setTenantNip(integration.taxpayerNip()).setProviderNip(integration.providerNip())
                .setIntegrationId(integration.id().toString()).setError(integration.reason()).build();
    }

    private static Actor actor(Cause cause) {
        return cause == null ? null : Actor.newBuilder().setType(cause.actorType()).setId(cause.actorId())
                .setOnBehalfOf(cause.onBehalfOf()).build();
    }

    /** The vault's calls: logins, refreshes and queries for a lease, a verification or its own schedules. */
    private static AuditInfo callAudit(AuditInfo.Builder audit, IntegrationEvent.KsefCallRecorded recorded) {
        Integration i = recorded.integration();
        KsefCall call = recorded.call();
        return audit.setTenantNip(i.taxpayerNip()).setProviderNip(i.providerNip()).setIntegrationId(i.id().toString())
                .setHttpStatus(call.httpStatus() == 0 ? null : call.httpStatus()).setKsefCode(call.ksefCode())
                .setDurationMillis(call.durationMillis()).setError(call.error()).build();
    }

    private static Object payload(IntegrationEvent event) {
        if (event instanceof IntegrationEvent.KsefCallRecorded e) {
            KsefCall call = e.call();
            return KsefCallRecorded.newBuilder().setMethod(call.method()).setEndpoint(call.endpoint())
                    .setCalls(call.calls()).setFirstCallAt(call.firstCallAt()).build();
        }
        if (event instanceof IntegrationEvent.Registered e) {
            Integration i = e.integration();
            return IntegrationRegistered.newBuilder().setIntegrationId(i.id().toString())
                    .setEnvironment(i.environment()).setTaxpayerNip(i.taxpayerNip()).setProviderNip(i.providerNip())
                    .setCredentialType(i.credentialType().name()).build();
        }
        if (event instanceof IntegrationEvent.Verified e) {
            Integration i = e.integration();
            return IntegrationVerified.newBuilder().setIntegrationId(i.id().toString())
                    .setEnvironment(i.environment()).setTaxpayerNip(i.taxpayerNip()).setProviderNip(i.providerNip())
                    .setScopes(List.copyOf(new java.util.TreeSet<>(e.scopes()))).build();
        }
        if (event instanceof IntegrationEvent.StatusChanged e) {
            Integration i = e.integration();
            return IntegrationStatusChanged.newBuilder().setIntegrationId(i.id().toString())
                    .setEnvironment(i.environment()).setTaxpayerNip(i.taxpayerNip())
                    .setFromStatus(e.from().name()).setToStatus(i.status().name()).setReason(i.reason()).build();
        }
        if (event instanceof IntegrationEvent.Revoked e) {
            Integration i = e.integration();
            return IntegrationRevoked.newBuilder().setIntegrationId(i.id().toString())
                    .setEnvironment(i.environment()).setTaxpayerNip(i.taxpayerNip()).setReason(i.reason()).build();
        }
        if (event instanceof IntegrationEvent.SecretRotated e) {
            Integration i = e.integration();
            return IntegrationSecretRotated.newBuilder().setIntegrationId(i.id().toString())
                    .setEnvironment(i.environment()).setCredentialType(i.credentialType().name()).build();
        }
        if (event instanceof IntegrationEvent.ProviderRegistered e) {
            ProviderCredential c = e.credential();
            return ProviderCredentialRegistered.newBuilder().setProviderCredentialId(c.id().toString())
                    .setEnvironment(c.environment()).setProviderNip(c.providerNip())
                    .setCredentialType(c.credentialType().name()).build();
        }
        if (event instanceof IntegrationEvent.ProviderChanged e) {
            ProviderCredential c = e.credential();
            return ProviderCredentialChanged.newBuilder().setProviderCredentialId(c.id().toString())
                    .setEnvironment(c.environment()).setChange(e.change()).setReason(e.reason()).build();
        }
        IntegrationEvent.LeaseDenied e = (IntegrationEvent.LeaseDenied) event;
        return CredentialLeaseDenied.newBuilder().setContextNip(e.contextNip()).setPurpose(e.purpose())
                .setReason(e.reason()).build();
    }
}
