package dev.ksefplatform.worker;

import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.EventFactory;
import dev.ksefplatform.worker.intake.adapter.jdbc.JdbcIntakeStore;
import dev.ksefplatform.worker.intake.adapter.kafka.CommandIntake;
import dev.ksefplatform.worker.outbox.adapter.jdbc.JdbcOutboxStore;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import dev.ksefplatform.worker.outbox.adapter.kafka.KafkaOutboxPublisher;
import dev.ksefplatform.worker.outbox.application.OutboxRelay;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the intake (Kafka → worker.commands) and the relay (worker.outbox → Kafka) around the engine. Consumer and
 * producer settings come from {@code spring.kafka} through Boot's factories, so the yml stays the one source; the
 * values are raw bytes here because the worker decodes (and dead-letters) commands itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, PlatformProperties.class})
class WorkerConfiguration {

    /**
     * Netty loops of its own: with the shared global ones, closing this context (a worker stopped in the one-JVM stack
     * or a test) would dispose the loops every other service in the JVM serves on.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }

    @Bean
    String workerInstanceId(WorkerProperties worker) {
        return worker.instanceId() != null && !worker.instanceId().isBlank() ? worker.instanceId()
                : "tenant-worker-" + UUID.randomUUID();
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, ProducerFactory<?, ?> producers, WorkerProperties worker,
                            String workerInstanceId, io.micrometer.core.instrument.MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
        new KafkaClientMetrics(producer).bindTo(registry);
        return new OutboxRelay(new JdbcOutboxStore(jdbc, workerInstanceId),
                new KafkaOutboxPublisher(producer), worker.outbox().batchSize(), worker.outbox().idle());
    }

    @Bean
    CommandIntake commandIntake(ConsumerFactory<?, ?> consumers, JdbcTemplate jdbc, TransactionTemplate tx, OutboxRelay relay,
                                EventEncoder encoder, EventFactory events, Engine engine, String workerInstanceId,
                                WorkerProperties worker, Clock clock,
                                io.micrometer.core.instrument.MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        // Micrometer's Kafka binder: kafka_consumer_fetch_manager_records_lag(_max), the commands topic's lag per partition
        new KafkaClientMetrics(consumer).bindTo(registry);
        return new CommandIntake(consumer, new JdbcIntakeStore(jdbc, tx, new OutboxWriter(jdbc, encoder, relay::nudge)),
                engine, encoder, events, workerInstanceId, worker.engine().drainTimeout(),
                worker.retention().acceptWithin(), clock,
                WorkerMetrics.deadLetters(registry, "intake")::increment);
    }

    @Bean
    WorkerRuntime workerRuntime(Engine engine, CommandIntake intake, OutboxRelay relay, WorkerProperties worker) {
        return new WorkerRuntime(engine, intake, relay, worker.engine().drainTimeout());
    }

    @Bean
    WorkerMetrics workerMetrics(io.micrometer.core.instrument.MeterRegistry registry, JdbcTemplate jdbc,
                                dev.ksefplatform.ksef.limits.RateBudgets budgets, Engine engine,
                                dev.ksefplatform.worker.inbox.InboxRuntime inbox, WorkerProperties worker) {
        WorkerProperties.Metrics metrics = worker.metrics();
        return new WorkerMetrics(registry, jdbc, budgets, engine, inbox, metrics.period(), metrics.budgetIdle(),
                metrics.maxContexts());
    }

    @Bean
    HealthIndicator workerHealth(WorkerRuntime runtime, Engine engine) {
        return () -> runtime.failure().map(reason -> Health.down().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().withDetail("activeLanes", engine.activeLanes()).build());
    }
}
