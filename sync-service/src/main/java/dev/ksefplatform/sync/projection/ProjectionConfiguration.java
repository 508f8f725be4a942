package dev.ksefplatform.sync.projection;

import dev.ksefplatform.support.projection.adapter.kafka.EventsListener;
import dev.ksefplatform.support.projection.adapter.kafka.KafkaEventReplay;
import dev.ksefplatform.support.projection.adapter.kafka.ListenerControl;
import dev.ksefplatform.support.projection.adapter.kafka.PoisonRecords;
import dev.ksefplatform.support.projection.adapter.kafka.ProjectionConsumersConfiguration;
import dev.ksefplatform.support.projection.adapter.kafka.ProjectionErrorHandler;
import dev.ksefplatform.support.projection.adapter.r2dbc.BinaryParameters;
import dev.ksefplatform.support.projection.adapter.r2dbc.R2dbcAppliedOffsets;
import dev.ksefplatform.support.projection.api.RebuildController;
import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.application.ReadModelRebuild;
import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.projection.adapter.kafka.EventEnvelopeMapper;
import dev.ksefplatform.sync.projection.adapter.r2dbc.R2dbcReadModelReset;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.r2dbc.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Folding {@code ksef.events.v1} into the submission and inbox read models, exactly once, and rebuilding
 * them, with the machinery of {@code service-support}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProjectionConsumersConfiguration.class)
public class ProjectionConfiguration {

    static final String SCHEMA = "sync";
    static final String LISTENER_ID = "sync-service-events";

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** {@code bytea} (stored documents, UPOs) and text-array parameters in binary, not text: {@link BinaryParameters}. */
    @Bean
    @ConditionalOnProperty(name = "ksef.db.binary-parameters", matchIfMissing = true) // false: the driver's text, to compare
    ConnectionFactoryOptionsBuilderCustomizer binaryParameters() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(new BinaryParameters()));
    }

    @Bean
    AppliedOffsets appliedOffsets(DatabaseClient db) {
        return new R2dbcAppliedOffsets(db, SCHEMA);
    }

    @Bean
    EventProjector<SyncEvent> eventProjector(List<ReadModelUpdate<SyncEvent>> readModels, AppliedOffsets offsets,
                                             TransactionalOperator transaction) {
        return new EventProjector<>(readModels, offsets, transaction);
    }

    @Bean
    EventsListener<SyncEvent> eventsListener(EventProjector<SyncEvent> projector, AppliedOffsets offsets,
                                             MeterRegistry meters,
                                             @Value("${spring.kafka.consumer.group-id}") String group) {
        return new EventsListener<>(LISTENER_ID, group, new EventEnvelopeMapper(), projector, offsets,
                new PoisonRecords(meters, group));
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        return ProjectionErrorHandler.retryingBatches();
    }

    @Bean
    RebuildController rebuildController(DatabaseClient db, ListenerControl control,
                                        TransactionalOperator transaction) {
        return new RebuildController(new ReadModelRebuild(new R2dbcReadModelReset(db),
                new KafkaEventReplay(control), transaction));
    }
}
