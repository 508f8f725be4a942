package dev.ksefplatform.sync.support;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.sync.SyncServiceApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One sync-service over embedded PostgreSQL and KRaft Kafka, shared by every IT of the module (one Spring context,
 * one consumer), logged in as its own ordinary database user ({@link ServiceDatabaseUser}). Its clock is the test's;
 * the scheduler does not tick by itself, the tests run its rounds.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + SyncServiceApplication.CONFIG_NAME,
        "sync.schedule.enabled=false",
        "sync.outbox.interval=100ms",
        "sync.webhooks.interval=100ms", "sync.webhooks.first-retry=200ms", "sync.webhooks.max-retry=1s",
        "sync.webhooks.attempts=4", "sync.webhooks.allow-http=true", "sync.webhooks.allow-private-addresses=true"})
@Import(MutableClock.Config.class)
public abstract class SyncServiceITSupport {

    protected static final String COMMAND_API = "Bearer local-command-api-token";
    protected static final String ADMIN = "Bearer local-admin-token";
    protected static final Duration DEADLINE = Duration.ofSeconds(30);

    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        ServiceDatabaseUser.ensure();
        registry.add("ksef.db.username", () -> ServiceDatabaseUser.NAME);
        registry.add("ksef.db.password", () -> ServiceDatabaseUser.PASSWORD);
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
    }

    protected static synchronized RecordMetadata publish(EventEnvelope event) {
        byte[] value = new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(), value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        return send(record);
    }

    protected static synchronized RecordMetadata send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer());
        }
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    protected static <T> T eventually(Supplier<Optional<T>> probe) {
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

    /** The first column of the first row, as text; empty when there is no row. */
    protected static Optional<String> query(String sql) {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void execute(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
