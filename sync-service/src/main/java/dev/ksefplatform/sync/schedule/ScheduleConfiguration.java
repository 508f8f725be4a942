package dev.ksefplatform.sync.schedule;

import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.sync.integration.application.Integrations;
import dev.ksefplatform.sync.schedule.adapter.kafka.AvroSyncCommandEncoder;
import dev.ksefplatform.sync.schedule.adapter.kafka.KafkaCommandPublisher;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.PostgresSchedulerLock;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.R2dbcCommandOutbox;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.R2dbcSyncCandidates;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.R2dbcSyncRuns;
import dev.ksefplatform.sync.schedule.application.InboxScheduler;
import dev.ksefplatform.sync.schedule.application.OutboxRelay;
import dev.ksefplatform.sync.schedule.application.SyncIssuer;
import dev.ksefplatform.sync.schedule.application.SyncOrders;
import dev.ksefplatform.sync.schedule.application.SyncRequests;
import dev.ksefplatform.sync.schedule.application.SyncRuns;
import dev.ksefplatform.sync.schedule.application.SyncRunsProjection;
import dev.ksefplatform.sync.schedule.application.SyncStatusQueries;
import dev.ksefplatform.sync.schedule.domain.ScheduleSettings;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Inbox sync scheduling: which syncs are due, "sync now", the command outbox and its relay. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ScheduleConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ScheduleSettings scheduleSettings(ScheduleProperties properties) {
        return properties.settings();
    }

    @Bean
    SyncRuns syncRuns(DatabaseClient db) {
        return new R2dbcSyncRuns(db);
    }

    @Bean
    SyncRunsProjection syncRunsProjection(SyncRuns runs) {
        return new SyncRunsProjection(runs);
    }

    @Bean
    SyncOrders syncOrders(Clock clock) {
        return new SyncOrders(clock, () -> UUID.randomUUID().toString());
    }

    @Bean
    SyncIssuer syncIssuer(SyncRuns runs, DatabaseClient db, ScheduleSettings settings) {
        return new SyncIssuer(runs, new R2dbcCommandOutbox(db), new AvroSyncCommandEncoder(), settings.runningTimeout());
    }

    @Bean
    InboxScheduler inboxScheduler(DatabaseClient db, SyncIssuer issuer, ScheduleSettings settings, SyncOrders orders,
                                  TransactionalOperator transaction) {
        return new InboxScheduler(new R2dbcSyncCandidates(db), issuer, new PostgresSchedulerLock(db, transaction),
                settings, orders);
    }

    @Bean
    SyncRequests syncRequests(DatabaseClient db, Integrations integrations, SyncIssuer issuer, SyncOrders orders,
                              TransactionalOperator transaction) {
        return new SyncRequests(new R2dbcSyncCandidates(db), integrations, issuer, orders, transaction);
    }

    @Bean
    SyncStatusQueries syncStatusQueries(SyncStates states, SyncRuns runs, Integrations integrations,
                                        ScheduleSettings settings, Clock clock, TenantScope scope) {
        return new SyncStatusQueries(states, runs, integrations, settings, clock, scope);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, KafkaTemplate<String, byte[]> kafka, TransactionalOperator transaction,
                            Clock clock) {
        return new OutboxRelay(new R2dbcCommandOutbox(db), new KafkaCommandPublisher(kafka), transaction, clock);
    }

    @Bean
    ScheduleTicker scheduleTicker(InboxScheduler scheduler, ScheduleProperties properties) {
        return new ScheduleTicker(scheduler, properties.enabled());
    }

    @Bean
    OutboxTicker outboxTicker(OutboxRelay relay) {
        return new OutboxTicker(relay);
    }
}
