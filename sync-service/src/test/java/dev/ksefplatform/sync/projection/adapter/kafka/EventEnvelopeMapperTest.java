package dev.ksefplatform.sync.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.projection.domain.CommandRefused;
import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import dev.ksefplatform.sync.projection.domain.SubmissionSent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventEnvelopeMapperTest {

    private final EventEnvelopeMapper mapper = new EventEnvelopeMapper();

    @Test
    void acceptedInvoiceMapsToSubmissionAcceptedKeyedByCorrelationId() {
        EventEnvelope envelope = TestEvents.accepted("tenant-a", "cmd-1", "KSEF-1");

        assertThat(mapper.toDomain(envelope)).hasValueSatisfying(event -> {
            SubmissionAccepted accepted = (SubmissionAccepted) event;
            assertThat(accepted.meta().correlationId()).isEqualTo("cmd-1");
            assertThat(accepted.meta().eventId()).isEqualTo(envelope.getMessageId());
            assertThat(accepted.ksefNumber()).isEqualTo("KSEF-1");
            assertThat(accepted.ksefStatusCode()).isEqualTo(200);
        });
    }

    @Test
    void receivedInvoiceCarriesItsXmlAndIssueDate() {
        InvoiceReceived received = (InvoiceReceived) mapper.toDomain(
                TestEvents.received("tenant-a", "KSEF-2", "<Faktura/>")).orElseThrow();

        assertThat(new String(received.xml(), StandardCharsets.UTF_8)).isEqualTo("<Faktura/>");
        assertThat(received.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void eventsThatNoReadModelHereFoldsMapToNothing() {
        EventEnvelope rateLimited = TestEvents.envelope("tenant-a", "cmd-1",
                RateLimited.newBuilder().setRetryAfterSeconds(5).build());

        assertThat(mapper.toDomain(rateLimited)).isEmpty();
    }

    @Test
    void receivedInvoiceWhoseBytesDoNotHashToItsDeclaredSha256IsUnmappable() {
        EventEnvelope received = TestEvents.received("tenant-a", "KSEF-2", "<Faktura/>");
        ((InboxInvoiceReceived) received.getPayload()).setXml(ByteBuffer.wrap("<Faktura>changed</Faktura>".getBytes()));

        assertThatThrownBy(() -> mapper.toDomain(received)).isInstanceOf(UnmappableEvent.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void sentInvoiceAndHoldsCarryTheContextOfTheirAudit() {
        SubmissionSent sent = (SubmissionSent) mapper.toDomain(TestEvents.sent("tenant-a", "cmd-3")).orElseThrow();
        ContextHeld held = (ContextHeld) mapper.toDomain(
                TestEvents.held("tenant-a", "RATE_LIMIT", Instant.parse("2026-11-22T11:00:00Z"))).orElseThrow();

        assertThat(sent.meta().contextNip()).isEqualTo(TestEvents.NIP);
        assertThat(sent.sessionReferenceNumber()).isEqualTo("20261122-SO-3");
        assertThat(held.limitGroup()).isEqualTo("invoiceSend");
        assertThat(held.until()).isEqualTo("2026-11-22T11:00:00Z");
        assertThat(mapper.toDomain(TestEvents.resumed("tenant-a"))).containsInstanceOf(ContextResumed.class);
    }

    @Test
    void integrationLifecycleMapsToTheStatusItLeavesTheIntegrationIn() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");

        IntegrationChanged registered = (IntegrationChanged) mapper.toDomain(
                TestEvents.registered("tenant-a", "i-1", at)).orElseThrow();
        IntegrationChanged verified = (IntegrationChanged) mapper.toDomain(
                TestEvents.verified("tenant-a", "i-1", List.of("InvoiceRead"), at)).orElseThrow();
        IntegrationChanged disabled = (IntegrationChanged) mapper.toDomain(
                TestEvents.statusChanged("tenant-a", "i-1", "ACTIVE", "DISABLED", at)).orElseThrow();

        assertThat(registered.status()).isEqualTo("PENDING");
        assertThat(verified.status()).isEqualTo("ACTIVE");
        assertThat(verified.scopes()).containsExactly("InvoiceRead");
        assertThat(disabled.status()).isEqualTo("DISABLED");
        assertThat(disabled.scopes()).isNull();
    }

    @Test
    void failedSyncWindowIsMapped() {
        InboxSyncFailure failure = (InboxSyncFailure) mapper.toDomain(TestEvents.syncFailed("tenant-a", "cmd-9",
                "Subject1", Instant.parse("2026-11-22T10:00:00Z"))).orElseThrow();

        assertThat(failure.subjectType()).isEqualTo("Subject1");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.meta().correlationId()).isEqualTo("cmd-9");
    }

    @Test
    void aDeadLetteredCommandIsARefusalNamingItsTopicAndReasonNotAFailedSubmission() {
        EventEnvelope envelope = TestEvents.envelope("tenant-a", "cmd-9", CommandDeadLettered.newBuilder()
                .setReason("the invoice XML is empty").setTopic("ksef.commands.v1").setPartition(2).setOffset(7)
                .build());

        assertThat(mapper.toDomain(envelope)).hasValueSatisfying(event -> {
            CommandRefused refused = (CommandRefused) event;
            assertThat(refused.meta().correlationId()).isEqualTo("cmd-9");
            assertThat(refused.reason()).isEqualTo("the invoice XML is empty");
            assertThat(refused.topic()).isEqualTo("ksef.commands.v1");
            assertThat(refused.ownedByATenant()).isTrue();
        });
        assertThat(mapper.toDomain(TestEvents.envelope("upstream:erp-one", "m-1", CommandDeadLettered.newBuilder()
                .setReason("upstream system erp-one may not act for tenant t").setTopic("ksef.ingress.erp-one.v1")
                .setPartition(0).setOffset(0).build()))).hasValueSatisfying(event ->
                assertThat(((CommandRefused) event).ownedByATenant()).isFalse());
    }

    @Test
    void recordWithoutValueIsUnmappable() {
        assertThatThrownBy(() -> mapper.toDomain(null, "tenant-a")).isInstanceOf(UnmappableEvent.class);
    }
}
