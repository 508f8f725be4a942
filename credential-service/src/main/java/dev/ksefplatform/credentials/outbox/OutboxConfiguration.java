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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Every event of this service goes through {@code credentials.outbox}; one relay at a time sends it to Kafka. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

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

    /** Drains the outbox every {@code every}; the backlog gauge is refreshed after each run. */
    @Bean(destroyMethod = "dispose")
    Disposable outboxSchedule(OutboxRelay relay, Outbox outbox, MeterRegistry meters,
                              @Value("${credentials.outbox.every:PT0.2S}") Duration every,
                              @Value("${credentials.outbox.enabled:true}") boolean enabled) {
        AtomicLong backlog = new AtomicLong();
        Gauge.builder("credentials.outbox.backlog", backlog, AtomicLong::get)
                .description("events waiting in credentials.outbox for Kafka").register(meters);
        Counter published = Counter.builder("credentials.outbox.published")
                .description("events the outbox relay sent to Kafka").register(meters);
        if (!enabled) {
            return Flux.never().subscribe();
        }
        return Flux.interval(every, every, Schedulers.boundedElastic()).onBackpressureDrop()
                .concatMap(tick -> relay.drain().doOnNext(published::increment)
                        .then(outbox.backlog()).doOnNext(backlog::set)
                        .onErrorResume(e -> {
                            log.warn("outbox run failed, retrying next run cause={}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }
}
