package dev.ksefplatform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.adapter.kafka.PoisonRecords;
import dev.ksefplatform.support.projection.application.BatchOutcome;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.application.EventRecord;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SyncServiceApplication.CONFIG_NAME)
class SyncServiceIT {

    private static final String COMMAND_API = "Bearer local-command-api-token";
    private static final String ADMIN = "Bearer local-admin-token";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    WebTestClient http;
    @Autowired
    EventProjector<SyncEvent> projector;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

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
                .jsonPath("$.updatedAt").exists();
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
        producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "tenant-poison", new byte[] {(byte) 0xC3, 1, 7, 7}));
        publish(TestEvents.accepted("tenant-poison", commandId, "5265877635-20261122-0100001AF629-AF"));

        awaitStatus("tenant-poison", commandId, 200);

        assertThat(poisonCount()).isGreaterThan(poisonBefore);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("ksef_projector_poison_records_total"));
    }

    @Test
    void receivedInvoiceIsStoredOnceAndListedInTheInbox() throws SQLException {
        publish(TestEvents.received("tenant-inbox", "5265877635-20261121-010000000001-11", "<Faktura>1</Faktura>"));
        publish(TestEvents.received("tenant-inbox", "5265877635-20261121-010000000001-11", "<Faktura>2</Faktura>"));
        publish(TestEvents.synced("tenant-inbox", Instant.parse("2026-11-21T09:00:00Z")));

        String mark = eventually(() -> query("SELECT high_water_mark FROM sync.sync_state WHERE tenant_id = 'tenant-inbox'"));

        assertThat(Instant.parse(mark.replace(' ', 'T').replace("+00", "Z"))).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(query("SELECT convert_from(xml, 'UTF8') FROM sync.inbox WHERE tenant_id = 'tenant-inbox'"))
                .contains("<Faktura>1</Faktura>");
        http.get().uri("/internal/v1/tenants/tenant-inbox/inbox?limit=10").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ksefNumber").isEqualTo("5265877635-20261121-010000000001-11")
                .jsonPath("$[0].issueDate").isEqualTo("2026-11-20");
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
    void invalidLimitIsABadRequestProblem() {
        http.get().uri("/internal/v1/tenants/tenant-a/inbox?limit=0").header("Authorization", COMMAND_API).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
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

    private static RecordMetadata publish(EventEnvelope event) {
        byte[] value = new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(), value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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

    private static <T> T eventually(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static Optional<String> query(String sql) {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
