package dev.ksefplatform.audit;

import static dev.ksefplatform.audit.ItSupport.awaitRows;
import static dev.ksefplatform.audit.ItSupport.eventually;
import static dev.ksefplatform.audit.ItSupport.execute;
import static dev.ksefplatform.audit.ItSupport.publish;
import static dev.ksefplatform.audit.ItSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.adapter.kafka.PoisonRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class AuditProjectorIT extends AuditServiceIT {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Autowired
    MeterRegistry meters;

    @Test
    void everyEventIsListedNewestFirstWithItsAuditInfo() {
        EventEnvelope failed = TestEvents.callFailed("tenant-list", "cmd-1", T0);
        EventEnvelope limited = TestEvents.rateLimited("tenant-list", "cmd-1", T0.plusSeconds(1));
        publish(failed);
        publish(limited);

        awaitRows("tenant-list", 2);

        http.get().uri("/internal/v1/tenants/tenant-list/audit?limit=100").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].eventId").isEqualTo(limited.getMessageId())
                .jsonPath("$.items[0].eventType").isEqualTo("RateLimited")
                .jsonPath("$.items[0].httpStatus").isEqualTo(429)
                .jsonPath("$.items[1].eventId").isEqualTo(failed.getMessageId())
                .jsonPath("$.items[1].eventType").isEqualTo("KsefCallFailed")
                .jsonPath("$.items[1].correlationId").isEqualTo("cmd-1")
                .jsonPath("$.items[1].causationId").isEqualTo("cmd-1")
                .jsonPath("$.items[1].occurredAt").isEqualTo("2026-11-22T10:00:00Z")
                .jsonPath("$.items[1].operation").isEqualTo("ksef.invoice.submit")
                .jsonPath("$.items[1].tenantNip").isEqualTo("5265877635")
                .jsonPath("$.items[1].providerNip").isEqualTo("7010002137")
                .jsonPath("$.items[1].httpStatus").isEqualTo(503)
                .jsonPath("$.items[1].durationMillis").isEqualTo(1200)
                .jsonPath("$.items[1].error").isEqualTo("KSeF 503 Service Unavailable")
                .jsonPath("$.items[1].integrationId").isEqualTo("integration-7")
                .jsonPath("$.items[1].ksefCode").isEqualTo(21405)
                .jsonPath("$.items[1].actor.type").isEqualTo("TENANT")
                .jsonPath("$.items[1].actor.id").isEqualTo("key-1")
                .jsonPath("$.items[0].actor").isEmpty();
    }

    @Test
    void anOperatorActingForATenantIsTwoRowsOfThatTenantNamingBothIdentities() {
        EventEnvelope start = TestEvents.staffActing("tenant-acted-for", "op-ala", true, T0);
        EventEnvelope end = TestEvents.staffActing("tenant-acted-for", "op-ala", false, T0.plusSeconds(90));
        publish(start);
        publish(end);

        awaitRows("tenant-acted-for", 2);

        http.get().uri("/internal/v1/tenants/tenant-acted-for/audit?limit=100").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].eventType").isEqualTo("StaffActingEnded")
                .jsonPath("$.items[0].operation").isEqualTo("staff.act-for.end")
                .jsonPath("$.items[1].eventType").isEqualTo("StaffActingStarted")
                .jsonPath("$.items[1].operation").isEqualTo("staff.act-for.start")
                .jsonPath("$.items[1].tenantNip").isEqualTo("5265877635")
                .jsonPath("$.items[1].actor.type").isEqualTo("STAFF")
                .jsonPath("$.items[1].actor.id").isEqualTo("op-ala")
                .jsonPath("$.items[1].actor.onBehalfOf").isEqualTo("tenant-acted-for");
    }

    @Test
    void sameEventDeliveredTwiceIsRecordedOnce() {
        EventEnvelope event = TestEvents.callFailed("tenant-twice", "cmd-2", T0);
        publish(event);
        publish(event);
        publish(TestEvents.rateLimited("tenant-twice", "cmd-2", T0.plusSeconds(1)));

        awaitRows("tenant-twice", 2);

        assertThat(query("SELECT count(*) FROM audit.audit_log WHERE event_id = '" + event.getMessageId() + "'"))
                .contains("1");
        assertThat(query("SELECT count(*) FROM audit.audit_log WHERE tenant_id = 'tenant-twice'")).contains("2");
    }

    @Test
    void eventRepublishedInALaterBatchByAnOutboxStaysOneRow() {
        EventEnvelope event = TestEvents.callFailed("tenant-republished", "cmd-5", T0);
        publish(event);
        awaitRows("tenant-republished", 1);

        publish(event);
        publish(TestEvents.rateLimited("tenant-republished", "cmd-5", T0.plusSeconds(1)));
        awaitRows("tenant-republished", 2);

        assertThat(query("SELECT count(*) FROM audit.audit_log WHERE event_id = '" + event.getMessageId() + "'"))
                .contains("1");
    }

    @Test
    void poisonRecordIsSkippedAndTheNextEventApplied() {
        double poisonBefore = poisonCount();
        ItSupport.producer().send(new ProducerRecord<>(Topics.EVENTS.name(), "tenant-poison", new byte[] {(byte) 0xC3, 1, 9, 9}));
        publish(TestEvents.rateLimited("tenant-poison", "cmd-3", T0));

        awaitRows("tenant-poison", 1);

        // the listener counts a batch's poison once the batch is committed, so the row can be seen a moment before
        eventually(() -> Optional.of(poisonCount()).filter(count -> count > poisonBefore));
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("ksef_projector_poison_records_total"));
    }

    @Test
    void adminMayReadTheLogButNotWithoutAToken() {
        http.get().uri("/internal/v1/tenants/tenant-none/audit").header("Authorization", ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/internal/v1/tenants/tenant-none/audit").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/unauthenticated");
        http.post().uri("/admin/v1/rebuild").header("Authorization", COMMAND_API).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void limitOutOfRangeIsABadRequestProblem() {
        http.get().uri("/internal/v1/tenants/tenant-none/audit?limit=0").header("Authorization", ADMIN).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/invalid-request");
    }

    @Test
    void rebuildReplacesTheLogWithWhatTheEventLogSays() throws SQLException {
        EventEnvelope real = TestEvents.rateLimited("tenant-rebuild", "cmd-4", T0);
        publish(real);
        awaitRows("tenant-rebuild", 1);
        execute("INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, occurred_at, source,"
                + " operation, recorded_at) VALUES ('" + UUID.randomUUID() + "', 'tenant-rebuild', 'Forged', 'x',"
                + " now(), 'nobody', 'none', now())");
        awaitRows("tenant-rebuild", 2);

        http.post().uri("/admin/v1/rebuild").header("Authorization", ADMIN).exchange().expectStatus().isAccepted();

        eventually(() -> query("SELECT string_agg(event_type, ',') FROM audit.audit_log"
                + " WHERE tenant_id = 'tenant-rebuild'").filter("RateLimited"::equals));
    }

    private double poisonCount() {
        return meters.find(PoisonRecords.METRIC).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
