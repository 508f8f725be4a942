package dev.ksefplatform.credentials.outbox;

import dev.ksefplatform.credentials.outbox.adapter.kafka.KafkaOutboxPublisher;
import dev.ksefplatform.credentials.outbox.adapter.r2dbc.PostgresRelayLock;
import dev.ksefplatform.credentials.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxRelay;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Every event of this service goes through {@code credentials.outbox}; one relay at a time sends it to Kafka. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(DatabaseClient db) {
        return new R2dbcOutbox(db);
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, KafkaTemplate<String, EventEnvelope> kafka, DatabaseClient db,
                            ReactiveTransactionManager transactions, Clock clock,
                            @Value("${credentials.outbox.batch-size:200}") int batchSize) {
        return new OutboxRelay(outbox, new KafkaOutboxPublisher(kafka),
                new PostgresRelayLock(db, TransactionalOperator.create(transactions)), clock, batchSize);
    }

    /** Drains the outbox every {@code every} from the context's start; the backlog gauge is refreshed after each run. */
    @Bean
    SmartLifecycle outboxSchedule(OutboxRelay relay, Outbox outbox, MeterRegistry meters,
                                  @Value("${credentials.outbox.every:PT0.2S}") Duration every,
                                  @Value("${credentials.outbox.enabled:true}") boolean enabled) {
        AtomicLong backlog = new AtomicLong();
        Gauge.builder("credentials.outbox.backlog", backlog, AtomicLong::get)
                .description("events waiting in credentials.outbox for Kafka").register(meters);
        Counter published = Counter.builder("credentials.outbox.published")
                .description("events the outbox relay sent to Kafka").register(meters);
        return new OutboxSchedule(relay, outbox, every, backlog, published::increment, enabled);
    }
}
