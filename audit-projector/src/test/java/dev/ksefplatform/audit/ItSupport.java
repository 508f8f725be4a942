package dev.ksefplatform.audit;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RowLevelReads;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The ITs' shared environment: real PostgreSQL and Kafka, a producer publishing as the services do, probes. */
final class ItSupport {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    private ItSupport() {
    }

    /** A login that is neither superuser nor owner, as in production: it must go through the roles' policies. */
    static final String SERVICE_LOGIN = "audit_service";
    private static final String SERVICE_LOGIN_SETUP = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_service') THEN
                    CREATE ROLE audit_service LOGIN PASSWORD 'audit-service' NOSUPERUSER NOBYPASSRLS;
                END IF;
            END
            $$;
            GRANT audit_reader, audit_projector, audit_auditor TO audit_service;
            """;

    /**
     * Flyway migrates as the superuser (the owner of the tables); the service connects as {@link #SERVICE_LOGIN},
     * a member of the roles the migration grants to, created here because roles outlive a database.
     */
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        try (Connection admin = EmbeddedPostgres.get().connect()) {
            RowLevelReads.ensureRoles(admin, "audit_reader", "audit_projector", "audit_auditor");
            execute(SERVICE_LOGIN_SETUP);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service login", e);
        }
        registry.add("spring.r2dbc.username", () -> SERVICE_LOGIN);
        registry.add("spring.r2dbc.password", () -> "audit-service");
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void publish(EventEnvelope event) {
        byte[] value = new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(), value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void awaitRows(String tenantId, int rows) {
        eventually(() -> query("SELECT count(*) FROM audit.audit_log WHERE tenant_id = '" + tenantId + "'")
                .filter(count -> Integer.parseInt(count) == rows));
    }

    static <T> T eventually(Supplier<Optional<T>> probe) {
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

    /** The first column of the first row, as the superuser (who bypasses row-level security). */
    static Optional<String> query(String sql) {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
