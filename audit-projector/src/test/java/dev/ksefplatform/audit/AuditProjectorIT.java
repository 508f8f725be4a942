package dev.ksefplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.adapter.kafka.PoisonRecords;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        properties = "spring.config.name=" + AuditProjectorApplication.CONFIG_NAME)
class AuditProjectorIT {

    private static final String COMMAND_API = "Bearer local-command-api-token";
    private static final String ADMIN = "Bearer local-admin-token";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    WebTestClient http;
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
    void everyEventIsListedNewestFirstWithItsAuditInfo() {
        EventEnvelope failed = TestEvents.callFailed("tenant-list", "cmd-1", T0);
        EventEnvelope limited = TestEvents.rateLimited("tenant-list", "cmd-1", T0.plusSeconds(1));
        publish(failed);
        publish(limited);

        awaitRows("tenant-list", 2);

        http.get().uri("/internal/v1/tenants/tenant-list/audit?limit=100").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].eventId").isEqualTo(limited.getMessageId())
                .jsonPath("$[0].eventType").isEqualTo("RateLimited")
                .jsonPath("$[0].httpStatus").isEqualTo(429)
                .jsonPath("$[1].eventId").isEqualTo(failed.getMessageId())
                .jsonPath("$[1].eventType").isEqualTo("KsefCallFailed")
                .jsonPath("$[1].correlationId").isEqualTo("cmd-1")
                .jsonPath("$[1].causationId").isEqualTo("cmd-1")
                .jsonPath("$[1].occurredAt").isEqualTo("2026-11-22T10:00:00Z")
                .jsonPath("$[1].operation").isEqualTo("ksef.invoice.submit")
                .jsonPath("$[1].tenantNip").isEqualTo("5265877635")
                .jsonPath("$[1].providerNip").isEqualTo("7010002137")
                .jsonPath("$[1].httpStatus").isEqualTo(503)
                .jsonPath("$[1].durationMillis").isEqualTo(1200)
                .jsonPath("$[1].error").isEqualTo("KSeF 503 Service Unavailable")
                .jsonPath("$[1].integrationId").isEqualTo("integration-7")
                .jsonPath("$[1].ksefCode").isEqualTo(21405)
                .jsonPath("$[1].actor.type").isEqualTo("TENANT")
                .jsonPath("$[1].actor.id").isEqualTo("key-1")
                .jsonPath("$[0].actor").isEmpty();
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
        producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "tenant-poison", new byte[] {(byte) 0xC3, 1, 9, 9}));
        publish(TestEvents.rateLimited("tenant-poison", "cmd-3", T0));

        awaitRows("tenant-poison", 1);

        assertThat(poisonCount()).isGreaterThan(poisonBefore);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("ksef_projector_poison_records_total"));
    }

    @Test
    void adminMayReadTheLogButNotWithoutAToken() {
        http.get().uri("/internal/v1/tenants/tenant-none/audit").header("Authorization", ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
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

    private static void publish(EventEnvelope event) {
        byte[] value = new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(), value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void awaitRows(String tenantId, int rows) {
        eventually(() -> query("SELECT count(*) FROM audit.audit_log WHERE tenant_id = '" + tenantId + "'")
                .filter(count -> Integer.parseInt(count) == rows));
    }

    private double poisonCount() {
        return meters.find(PoisonRecords.METRIC).counters().stream().mapToDouble(c -> c.count()).sum();
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
