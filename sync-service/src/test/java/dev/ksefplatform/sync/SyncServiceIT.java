package dev.ksefplatform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.adapter.kafka.PoisonRecords;
import dev.ksefplatform.support.projection.application.BatchOutcome;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.application.EventRecord;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The submission read model, the projection's exactly-once and poison handling, security and rebuild. */
class SyncServiceIT extends SyncServiceITSupport {

    @Autowired
    EventProjector<SyncEvent> projector;
    @Autowired
    MeterRegistry meters;

    @Test
    void acceptedInvoiceIsAnsweredWithItsKsefNumber() {
        String commandId = UUID.randomUUID().toString();
        publish(TestEvents.accepted("tenant-accepted", commandId, "5265877635-20261122-0100001AF629-AF"));

        awaitStatus("tenant-accepted", commandId, 200);

        http.get().uri(submissionUri("tenant-accepted", commandId)).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.commandId").isEqualTo(commandId)
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.ksefNumber").isEqualTo("5265877635-20261122-0100001AF629-AF")
                .jsonPath("$.ksefStatusCode").isEqualTo(200)
                .jsonPath("$.invoiceNumber").isEqualTo("FV/2026/11/1")
                .jsonPath("$.sessionReferenceNumber").isEqualTo("20261122-SO-2D1B4C7E1A-0F")
                .jsonPath("$.invoiceReferenceNumber").isEqualTo("20261122-EE-1")
                .jsonPath("$.updatedAt").exists()
                .jsonPath("$.waiting").doesNotExist();
    }

    @Test
    void sentSubmissionWaitsWhileItsContextIsHeldAndNoLongerAfterTheResume() {
        String tenant = "tenant-held-" + UUID.randomUUID();
        String commandId = UUID.randomUUID().toString();
        publish(TestEvents.sent(tenant, commandId));
        publish(TestEvents.held(tenant, "RATE_LIMIT", Instant.parse("2026-11-22T11:00:00Z")));

        eventually(() -> query("SELECT held FROM sync.submission_holds WHERE tenant_id = '" + tenant + "'")
                .filter("t"::equals));
        http.get().uri(submissionUri(tenant, commandId)).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.sessionReferenceNumber").isEqualTo("20261122-SO-3")
                .jsonPath("$.waiting.reason").isEqualTo("RATE_LIMIT")
                .jsonPath("$.waiting.limitGroup").isEqualTo("invoiceSend")
                .jsonPath("$.waiting.until").isEqualTo("2026-11-22T11:00:00Z")
                .jsonPath("$.waiting.detail").isNotEmpty();
        http.get().uri("/internal/v1/tenants/" + tenant + "/submission-holds").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].contextNip").isEqualTo(TestEvents.NIP)
                .jsonPath("$[0].queued").isEqualTo(12);

        publish(TestEvents.resumed(tenant));
        eventually(() -> query("SELECT held FROM sync.submission_holds WHERE tenant_id = '" + tenant + "'")
                .filter("f"::equals));
        http.get().uri(submissionUri(tenant, commandId)).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.waiting").doesNotExist();
    }

    @Test
    void eventsPublishedTwiceByAnOutboxNeitherDoubleNorRegressTheRow() {
        String tenant = "tenant-twice-" + UUID.randomUUID();
        String commandId = UUID.randomUUID().toString();
        EventEnvelope sent = TestEvents.sent(tenant, commandId);
        EventEnvelope accepted = TestEvents.accepted(tenant, commandId, "5265877635-20261122-0100001AF629-AF");
        publish(sent);
        publish(accepted);
        publish(sent);
        publish(accepted);
        String marker = UUID.randomUUID().toString();
        publish(TestEvents.rejected(tenant, marker));

        awaitStatus(tenant, marker, 200);

        assertThat(query("SELECT status || ' ' || last_event_id FROM sync.submissions WHERE command_id = '"
                + commandId + "'")).contains("ACCEPTED " + accepted.getMessageId());
        assertThat(query("SELECT count(*) FROM sync.submissions WHERE tenant_id = '" + tenant + "'")).contains("2");
    }

    @Test
    void submissionOfAnotherTenantIsNotFound() {
        String commandId = UUID.randomUUID().toString();
        publish(TestEvents.rejected("tenant-owner", commandId));
        awaitStatus("tenant-owner", commandId, 200);

        http.get().uri(submissionUri("tenant-intruder", commandId)).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/submission-not-found");
    }

    @Test
    void redeliveredRecordIsNotAppliedAgain() {
        String commandId = UUID.randomUUID().toString();
        RecordMetadata sent = publish(TestEvents.rejected("tenant-redelivery", commandId));
        awaitStatus("tenant-redelivery", commandId, 200);
        RecordPosition position = new RecordPosition("sync-service", sent.topic(), sent.partition(), sent.offset());

        BatchOutcome again = projector.project(List.of(EventRecord.of(position, "m", "tenant-redelivery",
                Optional.empty()))).block(DEADLINE);

        assertThat(again.alreadyApplied()).isEqualTo(1);
    }

    @Test
    void poisonRecordIsSkippedAndTheNextEventApplied() {
        double poisonBefore = poisonCount();
        String commandId = UUID.randomUUID().toString();
        send(new ProducerRecord<>(Topics.EVENTS.name(), "tenant-poison", new byte[] {(byte) 0xC3, 1, 7, 7}));
        publish(TestEvents.accepted("tenant-poison", commandId, "5265877635-20261122-0100001AF629-AF"));

        awaitStatus("tenant-poison", commandId, 200);

        // the listener counts a batch's poison once the batch is committed, so the row can be seen a moment before
        eventually(() -> Optional.of(poisonCount()).filter(count -> count > poisonBefore));
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("ksef_projector_poison_records_total"));
    }

    @Test
    void missingTokenIsUnauthorizedAndWrongCallerForbidden() {
        http.get().uri(submissionUri("tenant-a", "x")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(submissionUri("tenant-a", "x")).header("Authorization", "Bearer guessed").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri(submissionUri("tenant-a", "x")).header("Authorization", ADMIN).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.post().uri("/admin/v1/rebuild").header("Authorization", COMMAND_API).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void rebuildReplacesTheReadModelWithWhatTheLogSays() throws SQLException {
        String commandId = UUID.randomUUID().toString();
        publish(TestEvents.accepted("tenant-rebuild", commandId, "5265877635-20261122-0100001AF629-AF"));
        awaitStatus("tenant-rebuild", commandId, 200);
        String forged = UUID.randomUUID().toString();
        execute("INSERT INTO sync.submissions (command_id, tenant_id, status, last_event_id, updated_at)"
                + " VALUES ('" + forged + "', 'tenant-rebuild', 'FAILED', 'not-an-event', now())");
        awaitStatus("tenant-rebuild", forged, 200);

        http.post().uri("/admin/v1/rebuild").header("Authorization", ADMIN).exchange()
                .expectStatus().isAccepted();

        awaitStatus("tenant-rebuild", forged, 404);
        awaitStatus("tenant-rebuild", commandId, 200);
    }

    private void awaitStatus(String tenantId, String commandId, int status) {
        eventually(() -> {
            int actual = http.get().uri(submissionUri(tenantId, commandId)).header("Authorization", COMMAND_API)
                    .exchange().returnResult(String.class).getStatus().value();
            return actual == status ? Optional.of(actual) : Optional.empty();
        });
    }

    private double poisonCount() {
        return meters.find(PoisonRecords.METRIC).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String submissionUri(String tenantId, String commandId) {
        return "/internal/v1/tenants/" + tenantId + "/submissions/" + commandId;
    }
}
