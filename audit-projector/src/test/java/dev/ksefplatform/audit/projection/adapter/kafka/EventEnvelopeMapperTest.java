package dev.ksefplatform.audit.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.audit.TestEvents;
import dev.ksefplatform.audit.TestEvents.Call;
import dev.ksefplatform.audit.log.domain.Actor;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.log.domain.IntegrationOwned;
import dev.ksefplatform.audit.log.domain.KsefCall;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationSecretRotated;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopeMapperTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final EventEnvelopeMapper mapper = new EventEnvelopeMapper();

    @Test
    void envelopeAndAuditInfoBecomeOneAuditedEventWithTheWireTypeName() {
        EventEnvelope envelope = TestEvents.callFailed("tenant-a", "cmd-1", T0);

        AuditedEvent event = mapper.toDomain(envelope, "tenant-a").orElseThrow();

        assertThat(event).isEqualTo(new AuditedEvent(envelope.getMessageId(), "tenant-a", "KsefCallFailed", "cmd-1",
                "cmd-1", T0, "tenant-worker", "ksef.invoice.submit", "5265877635", "7010002137", 503, 1200L,
                "KSeF 503 Service Unavailable", "integration-7", 21405, new Actor("TENANT", "key-1", null), null));
    }

    @Test
    void eventsWithoutKsefCallKeepOptionalAuditFieldsEmpty() {
        EventEnvelope envelope = TestEvents.envelope("tenant-a", "cmd-2", T0,
                AuditInfo.newBuilder().setOperation("credential.rotate").build(),
                IntegrationSecretRotated.newBuilder().setIntegrationId("i-1").setEnvironment("TEST")
                        .setCredentialType("KSEF_TOKEN").build());

        AuditedEvent event = mapper.toDomain(envelope, "tenant-a").orElseThrow();

        assertThat(event.eventType()).isEqualTo("IntegrationSecretRotated");
        assertThat(event.httpStatus()).isNull();
        assertThat(event.tenantNip()).isNull();
        assertThat(event.integrationId()).isNull();
        assertThat(event.actor()).isNull();
    }

    @Test
    void recordedKsefCallKeepsMethodEndpointCallsAndSession() {
        EventEnvelope envelope = TestEvents.ksefCall("tenant-a", "cmd-3", T0, Call.statusPolls("5265877635", 4));

        AuditedEvent event = mapper.toDomain(envelope, "tenant-a").orElseThrow();

        assertThat(event.eventType()).isEqualTo("KsefCallRecorded");
        assertThat(event.detail()).isEqualTo(new KsefCall("GET", "/sessions/{referenceNumber}", 4,
                T0.minusSeconds(3), "20261122-SO-2B5D3C7A0F-9B6E9C1D2A-7F"));
        assertThat(event.tenantNip()).isEqualTo("5265877635");
        assertThat(event.integrationId()).isEqualTo("integration-7");
    }

    @Test
    void integrationEventsSayWhichIntegrationTheTenantOwns() {
        EventEnvelope envelope = TestEvents.envelope("tenant-a", "cmd-4", T0,
                AuditInfo.newBuilder().setOperation("integration.register").build(),
                IntegrationRegistered.newBuilder().setIntegrationId("i-9").setEnvironment("TEST")
                        .setTaxpayerNip("5265877635").setProviderNip("7010002137").setCredentialType("KSEF_TOKEN")
                        .build());

        assertThat(mapper.toDomain(envelope, "tenant-a").orElseThrow().detail()).isEqualTo(new IntegrationOwned("i-9"));
    }

    @Test
    void anOperatorActingForTheTenantIsAStaffActorOnBehalfOfIt() {
        EventEnvelope envelope = TestEvents.staffActing("tenant-a", "op-ala", true, T0);

        AuditedEvent event = mapper.toDomain(envelope, "tenant-a").orElseThrow();

        assertThat(event.eventType()).isEqualTo("StaffActingStarted");
        assertThat(event.operation()).isEqualTo("staff.act-for.start");
        assertThat(event.actor()).isEqualTo(new Actor("STAFF", "op-ala", "tenant-a"));
        assertThat(event.detail()).isNull();
    }

    @Test
    void anOperatorsReDriveIsARowOfItsOwnWithTheOperatorAsActor() {
        EventEnvelope envelope = TestEvents.envelope("tenant-a", "cmd-5", T0,
                AuditInfo.newBuilder().setOperation("command.redrive")
                        .setActor(dev.ksefplatform.schemas.v1.Actor.newBuilder().setType("STAFF").setId("ops-1").build())
                        .build(),
                dev.ksefplatform.schemas.v1.CommandRedriven.newBuilder().setDeadLetter("ksef.commands.v1-dlt-3@17")
                        .setOperator("ops-1").setNote("integration registered").build());

        AuditedEvent event = mapper.toDomain(envelope, "tenant-a").orElseThrow();

        assertThat(event.eventType()).isEqualTo("CommandRedriven");
        assertThat(event.operation()).isEqualTo("command.redrive");
        assertThat(event.actor()).isEqualTo(new Actor("STAFF", "ops-1", null));
    }

    @Test
    void recordWithoutValueIsUnmappable() {
        assertThatThrownBy(() -> mapper.toDomain(null, "tenant-a")).isInstanceOf(UnmappableEvent.class);
    }
}
