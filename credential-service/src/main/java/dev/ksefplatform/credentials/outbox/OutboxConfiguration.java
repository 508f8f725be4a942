package dev.ksefplatform.credentials.outbox;

import dev.ksefplatform.credentials.outbox.adapter.kafka.KafkaOutboxPublisher;
import dev.ksefplatform.credentials.outbox.adapter.r2dbc.PostgresRelayLock;
import dev.ksefplatform.credentials.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.ksefplatform.credentials.outbox.application.IdlePacing;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxRelay;
import dev.ksefplatform.credentials.outbox.application.WakingOutbox;
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

    /** Idle, the relay looks at most every {@code idle-every}; this instance's own writes wake it at once. */
    @Bean
    IdlePacing outboxPacing(@Value("${credentials.outbox.every:PT0.2S}") Duration every,
                            @Value("${credentials.outbox.idle-every:PT2S}") Duration idleEvery) {
        return new IdlePacing((int) Math.max(1, idleEvery.toMillis() / Math.max(1, every.toMillis())));
    }

    @Bean
    Outbox outbox(DatabaseClient db, IdlePacing pacing) {
        return new WakingOutbox(new R2dbcOutbox(db), pacing);
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, KafkaTemplate<String, EventEnvelope> kafka, DatabaseClient db,
                            ReactiveTransactionManager transactions, Clock clock,
                            @Value("${credentials.outbox.batch-size:200}") int batchSize) {
        return new OutboxRelay(outbox, new KafkaOutboxPublisher(kafka),
                new PostgresRelayLock(db, TransactionalOperator.create(transactions)), clock, batchSize);
    }

    /** Drains the outbox from the context's start, paced; the backlog gauge is refreshed after each run. */
    @Bean
    SmartLifecycle outboxSchedule(OutboxRelay relay, Outbox outbox, MeterRegistry meters, IdlePacing pacing,
                                  @Value("${credentials.outbox.every:PT0.2S}") Duration every,
                                  @Value("${credentials.outbox.enabled:true}") boolean enabled) {
        AtomicLong backlog = new AtomicLong();
        Gauge.builder("credentials.outbox.backlog", backlog, AtomicLong::get)
                .description("events waiting in credentials.outbox for Kafka").register(meters);
        Counter published = Counter.builder("credentials.outbox.published")
                .description("events the outbox relay sent to Kafka").register(meters);
        return new OutboxSchedule(relay, outbox, every, backlog, published::increment, enabled, pacing);
    }
}
