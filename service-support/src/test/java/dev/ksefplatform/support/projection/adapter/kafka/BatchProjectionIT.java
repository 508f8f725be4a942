package dev.ksefplatform.support.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.support.projection.adapter.r2dbc.R2dbcAppliedOffsets;
import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonContainerStoppingErrorHandler;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The batch projection over real Kafka and PostgreSQL: a read model counts how often each event was applied, so
 * applying one twice shows. Its consumer is the library's {@link EventsListener} with the projectors' error policy.
 */
class BatchProjectionIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "batch-it-" + RUN;
    private static final String LISTENER = "batch-it-events";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final AtomicInteger crashOnBatch = new AtomicInteger(-1);
    private static final AtomicInteger batches = new AtomicInteger();
    private static final AtomicInteger transientFailures = new AtomicInteger();
    private static final AtomicInteger slowBatchMillis = new AtomicInteger();
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static AnnotationConfigApplicationContext context;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS support_kafka_it");
        execute("CREATE TABLE IF NOT EXISTS support_kafka_it.applied_offsets (consumer_group varchar(255) NOT NULL,"
                + " topic varchar(255) NOT NULL, partition integer NOT NULL, last_offset bigint NOT NULL,"
                + " PRIMARY KEY (consumer_group, topic, partition))");
        execute("CREATE TABLE IF NOT EXISTS support_kafka_it.applications (message_id varchar(64) PRIMARY KEY"
                + " CHECK (message_id NOT LIKE 'bad%'), applied integer NOT NULL)");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        context = new AnnotationConfigApplicationContext(Wiring.class);
    }

    @AfterAll
    static void stop() {
        context.close();
        producer.close();
    }

    @Test
    void everyEventIsAppliedOnceAcrossARestartMidBatchWhateverKafkaCommitted() throws Exception {
        crashOnBatch.set(batches.get() + 3);
        List<String> ids = publishEvents("restart", 400);

        await(() -> !container().isRunning());
        long beforeRestart = sumApplied(ids);
        moveCommittedOffsetsToTheEnd();
        container().start();

        await(() -> sumApplied(ids) == ids.size());
        assertThat(beforeRestart).isLessThan(ids.size());
        assertThat(maxApplied(ids)).isEqualTo(1);
        assertThat(storedOffsets()).isEqualTo(endOffsetsMinusOne());
    }

    @Test
    void poisonIsSkippedAndCountedAndTheEventsAroundItApplied() throws Exception {
        String tenant = tenant("poison");
        double before = poisonCount();
        String first = publish(tenant, goodId());
        send(new ProducerRecord<>(Topics.EVENTS.name(), tenant, new byte[] {(byte) 0xC3, 1, 7, 7}));
        send(new ProducerRecord<>(Topics.EVENTS.name(), tenant, null));
        publish(tenant, "bad-" + UUID.randomUUID());
        String last = publish(tenant, goodId());

        // the listener counts poison after its batch's transaction commits: the rows can be seen a moment before
        await(() -> sumApplied(List.of(first, last)) == 2 && poisonCount() - before >= 3);

        assertThat(poisonCount() - before).isEqualTo(3.0);
    }

    @Test
    void aBacklogIsCaughtUpWithTwoConsumersThenOneAgainAndEveryEventAppliedOnce() throws Exception {
        ListenerControl control = new ListenerControl(context.getBean(KafkaListenerEndpointRegistry.class), LISTENER, 2);
        ProjectionConsumers consumers = new ProjectionConsumers(control, 200, Duration.ofSeconds(5), meters);
        assertThat(control.consumers()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        slowBatchMillis.set(20);
        try {
            container().stop();
            ids.addAll(publishEvents("backlog", 3_000));
            container().start();

            await(() -> {
                consumers.checkNow();
                return control.consumers() == 2;
            });
            assertThat(sumApplied(ids)).as("scaled while behind").isLessThan(ids.size());
        } finally {
            slowBatchMillis.set(0);
        }
        await(() -> sumApplied(ids) == ids.size());
        for (int check = 0; check < 6; check++) {
            assertThat(control.consumers()).isEqualTo(2);
            consumers.checkNow();
        }

        assertThat(control.consumers()).isEqualTo(1);
        assertThat(meters.get("ksef.projection.consumers").tag("listener", LISTENER).gauge().value()).isEqualTo(1.0);
        assertThat(maxApplied(ids)).isEqualTo(1);
        assertThat(storedOffsets()).isEqualTo(endOffsetsMinusOne());
        control.whileStopped(() -> { });
        assertThat(control.consumers()).as("a replay from the start begins with every consumer").isEqualTo(2);
        await(() -> {
            consumers.checkNow();
            return control.consumers() == 1;
        });
    }

    @Test
    void transientDatabaseFailureIsRetriedAndAppliedOnce() throws Exception {
        transientFailures.set(2);
        List<String> ids = publishEvents("transient", 20);

        await(() -> sumApplied(ids) == ids.size());

        assertThat(transientFailures).hasValue(0);
        assertThat(maxApplied(ids)).isEqualTo(1);
    }

    /** The projector's wiring as a service does it, with a consumer that polls at most 50 records per batch. */
    @Configuration(proxyBeanMethods = false)
    @EnableKafka
    static class Wiring {

        @Bean
        ConnectionPool connections() {
            EmbeddedPostgres pg = EmbeddedPostgres.get();
            return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                    PostgresqlConnectionConfiguration.builder().host(pg.host()).port(pg.port()).database(pg.database())
                            .username(pg.username()).password(pg.password()).build())).maxSize(4).build());
        }

        @Bean
        DatabaseClient db(ConnectionPool connections) {
            return DatabaseClient.create(connections);
        }

        @Bean
        AppliedOffsets appliedOffsets(DatabaseClient db) {
            return new R2dbcAppliedOffsets(db, "support_kafka_it");
        }

        @Bean
        EventsListener<String> eventsListener(DatabaseClient db, AppliedOffsets offsets, ConnectionPool connections) {
            TransactionalOperator transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
            EventProjector<String> projector = new EventProjector<>(List.of(applications(db)), offsets, transaction);
            EventMapper<String> mapper = (envelope, key) -> {
                if (envelope == null) {
                    throw new UnmappableEvent("-", "no value");
                }
                return envelope.getTenantId().startsWith(GROUP) ? Optional.of(envelope.getMessageId()) : Optional.empty();
            };
            return new EventsListener<>(LISTENER, GROUP, mapper, projector, offsets, new PoisonRecords(meters, GROUP));
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> kafkaListenerContainerFactory() {
            ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                    ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, EventEnvelopeDeserializer.class)));
            CommonDelegatingErrorHandler errors = new CommonDelegatingErrorHandler(ProjectionErrorHandler.retryingBatches());
            errors.addDelegate(SimulatedCrash.class, new CommonContainerStoppingErrorHandler());
            factory.setCommonErrorHandler(errors);
            return factory;
        }

        private static ReadModelUpdate<String> applications(DatabaseClient db) {
            return ids -> Mono.defer(() -> {
                if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return Mono.error(new DataAccessResourceFailureException("database unreachable (simulated)"));
                }
                boolean crash = batches.incrementAndGet() == crashOnBatch.get();
                Mono<Void> write = db.sql("INSERT INTO support_kafka_it.applications (message_id, applied)"
                                + " SELECT m, 1 FROM unnest(CAST(:ids AS varchar[])) AS m"
                                + " ON CONFLICT (message_id) DO UPDATE SET applied = support_kafka_it.applications.applied + 1")
                        .bind("ids", ids.toArray(String[]::new)).then();
                Mono<Void> paced = write.then(Mono.delay(Duration.ofMillis(slowBatchMillis.get()))).then();
                return crash ? write.then(Mono.error(new SimulatedCrash())) : paced;
            });
        }
    }

    /** The process dies after writing part of a batch, before its transaction commits. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("process died mid-batch (simulated)");
        }
    }

    private static MessageListenerContainer container() {
        return context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
    }

    private static List<String> publishEvents(String name, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publish(tenant(name + "-" + (i % 24)), goodId()));
        }
        return ids;
    }

    /** An id the read model's CHECK accepts: a bare UUID starts with "bad" once in 4,096 (9 % of 400-event runs). */
    private static String goodId() {
        return "ok-" + UUID.randomUUID();
    }

    private static String tenant(String name) {
        return GROUP + "-" + name;
    }

    private static String publish(String tenant, String messageId) {
        EventEnvelope event = EventEnvelope.newBuilder().setMessageId(messageId).setTenantId(tenant)
                .setCorrelationId("c").setOccurredAt(Instant.now()).setSource("batch-it")
                .setAudit(AuditInfo.newBuilder().setOperation("test").build())
                .setPayload(RateLimited.newBuilder().setRetryAfterSeconds(1).build()).build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), tenant,
                new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), event));
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, messageId);
        send(record);
        return messageId;
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What a consumer trusting Kafka's committed offsets would do after the restart: skip everything. */
    private static void moveCommittedOffsetsToTheEnd() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            endOffsets(admin).forEach((tp, end) -> ends.put(tp, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(GROUP, ends).all().get();
        }
    }

    private static Map<Integer, Long> endOffsetsMinusOne() throws Exception {
        try (Admin admin = admin()) {
            Map<Integer, Long> last = new HashMap<>();
            endOffsets(admin).forEach((tp, end) -> {
                if (end > 0) {
                    last.put(tp.partition(), end - 1);
                }
            });
            return last;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.EVENTS.defaultPartitions(); p++) {
            latest.put(new TopicPartition(Topics.EVENTS.name(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers()));
    }

    private static Map<Integer, Long> storedOffsets() {
        return context.getBean(AppliedOffsets.class).all(GROUP, Topics.EVENTS.name()).block(DEADLINE);
    }

    private static double poisonCount() {
        return meters.get(PoisonRecords.METRIC).tag("group", GROUP).counter().count();
    }

    private static long sumApplied(List<String> ids) {
        return query("SELECT coalesce(sum(applied), 0) FROM support_kafka_it.applications WHERE message_id IN ('"
                + String.join("','", ids) + "')");
    }

    private static long maxApplied(List<String> ids) {
        return query("SELECT coalesce(max(applied), 0) FROM support_kafka_it.applications WHERE message_id IN ('"
                + String.join("','", ids) + "')");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            Thread.sleep(50);
        }
    }

    private static long query(String sql) {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
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
