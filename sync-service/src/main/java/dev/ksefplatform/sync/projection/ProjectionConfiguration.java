package dev.ksefplatform.sync.projection;

import dev.ksefplatform.sync.projection.adapter.kafka.EventEnvelopeMapper;
import dev.ksefplatform.sync.projection.adapter.kafka.EventsListener;
import dev.ksefplatform.sync.projection.adapter.kafka.KafkaEventReplay;
import dev.ksefplatform.sync.projection.adapter.kafka.PoisonRecordRecoverer;
import dev.ksefplatform.sync.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.projection.adapter.r2dbc.R2dbcAppliedOffsets;
import dev.ksefplatform.sync.projection.adapter.r2dbc.R2dbcReadModelReset;
import dev.ksefplatform.sync.projection.application.AppliedOffsets;
import dev.ksefplatform.sync.projection.application.EventProjector;
import dev.ksefplatform.sync.projection.application.ReadModelProjection;
import dev.ksefplatform.sync.projection.application.ReadModelRebuild;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;

/** Folding {@code ksef.events.v1} into the read models, exactly once, and rebuilding them. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    AppliedOffsets appliedOffsets(DatabaseClient db) {
        return new R2dbcAppliedOffsets(db);
    }

    @Bean
    EventProjector eventProjector(List<ReadModelProjection> projections, AppliedOffsets offsets,
                                  TransactionalOperator transaction) {
        return new EventProjector(projections, offsets, transaction);
    }

    @Bean
    EventsListener eventsListener(EventProjector projector, AppliedOffsets offsets,
                                  @Value("${spring.kafka.consumer.group-id}") String group) {
        return new EventsListener(new EventEnvelopeMapper(), projector, offsets, group);
    }

    /** Undecodable or unmappable records are skipped at once; anything else (the database) is retried without end. */
    @Bean
    DefaultErrorHandler projectionErrorHandler(MeterRegistry meters,
                                               @Value("${spring.kafka.consumer.group-id}") String group) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(new PoisonRecordRecoverer(meters, group), backOff);
        handler.addNotRetryableExceptions(UnmappableEvent.class, DataIntegrityViolationException.class);
        return handler;
    }

    @Bean
    ReadModelRebuild readModelRebuild(DatabaseClient db, KafkaListenerEndpointRegistry registry,
                                      TransactionalOperator transaction) {
        return new ReadModelRebuild(new R2dbcReadModelReset(db), new KafkaEventReplay(registry), transaction);
    }
}
