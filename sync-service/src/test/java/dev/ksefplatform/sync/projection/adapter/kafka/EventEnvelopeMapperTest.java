package dev.ksefplatform.sync.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
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
    void recordWithoutValueIsUnmappable() {
        assertThatThrownBy(() -> mapper.toDomain(null, "tenant-a")).isInstanceOf(UnmappableEvent.class);
    }
}
