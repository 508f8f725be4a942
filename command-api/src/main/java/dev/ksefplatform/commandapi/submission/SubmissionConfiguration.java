package dev.ksefplatform.commandapi.submission;

import dev.ksefplatform.commandapi.submission.adapter.http.HttpSubmissionListing;
import dev.ksefplatform.commandapi.submission.adapter.http.HttpSubmissionDocuments;
import dev.ksefplatform.commandapi.submission.adapter.http.HttpSubmissionStatuses;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.submission.adapter.kafka.EventLogWatcher;
import dev.ksefplatform.commandapi.submission.adapter.kafka.IgnoredPart;
import dev.ksefplatform.commandapi.submission.adapter.kafka.KafkaCommandPublisher;
import dev.ksefplatform.commandapi.submission.adapter.r2dbc.R2dbcCommandLog;
import dev.ksefplatform.commandapi.submission.adapter.r2dbc.Utf8TextParameters;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import dev.ksefplatform.commandapi.submission.api.InvoiceBodyReader;
import dev.ksefplatform.commandapi.submission.application.CommandLog;
import dev.ksefplatform.commandapi.submission.application.CommandPublisher;
import dev.ksefplatform.commandapi.submission.application.CommandRetention;
import dev.ksefplatform.commandapi.submission.application.EventLogProgress;
import dev.ksefplatform.commandapi.submission.application.InvoiceListQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceSummaryQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceDocumentQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceStatusQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.submission.application.OutboxRelay;
import dev.ksefplatform.commandapi.submission.application.PublishedMarks;
import dev.ksefplatform.commandapi.submission.application.SubmissionAdmission;
import dev.ksefplatform.commandapi.submission.application.SubmissionStatuses;
import dev.ksefplatform.commandapi.submission.application.UnseenRecheck;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInspection;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.r2dbc.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubmissionConfiguration {

    /** The gateway's consumer group on the event log (headers only, see {@link EventLogWatcher}). */
    static final String EVENT_LOG_GROUP = "command-api";

    @Bean
    CommandLog commandLog(DatabaseClient db) {
        return new R2dbcCommandLog(db);
    }

    /** The insert's invoice XML goes to the driver as its UTF-8 bytes, not a {@code String}: {@link Utf8TextParameters}. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer utf8TextParameters() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(new Utf8TextParameters()));
    }

    /**
     * The commands' producer (the auto-configured template's) gathers records for up to {@code command-linger}: no
     * request waits for its ack, and fuller batches cost the producer and the broker less per command (README "The
     * commands' producer lingers"). The gateway's other producers send one record and wait for it, so they keep the
     * shared setting.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer commandLinger(SubmissionProperties properties) {
        return factory -> factory.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG,
                (int) properties.commandLinger().toMillis()));
    }

    @Bean
    CommandPublisher commandPublisher(KafkaTemplate<String, CommandEnvelope> kafka) {
        return new KafkaCommandPublisher(kafka, Topics.COMMANDS.name());
    }

    /** The one pool of kept-alive connections to sync-service, shared by every feature that reads from it. */
    @Bean
    WebClient syncServiceClient(WebClient.Builder web, SyncServiceProperties sync,
                                @Value("${ksef.services.sync-service.url}") String syncServiceUrl) {
        return SyncServiceClient.create(web, syncServiceUrl, sync.token(), sync.timeout(), sync.maxIdle());
    }

    @Bean
    SubmissionStatuses submissionStatuses(@Qualifier("syncServiceClient") WebClient syncService,
                                          SyncServiceProperties sync) {
        return new HttpSubmissionStatuses(syncService, sync.timeout());
    }

    @Bean
    InvoiceListQuery invoiceListQuery(@Qualifier("syncServiceClient") WebClient syncService,
                                      SyncServiceProperties sync, CommandLog commands, CommandRetention retention) {
        return new InvoiceListQuery(new HttpSubmissionListing(syncService, sync.timeout()), commands,
                retention::horizon);
    }

    @Bean
    InvoiceSummaryQuery invoiceSummaryQuery(InvoiceListQuery list,
                                            @Value("${commandapi.submission.summary-max-rows:10000}") int maxRows) {
        return new InvoiceSummaryQuery(list, maxRows);
    }

    @Bean
    InvoiceBodyReader invoiceBodyReader(SubmissionProperties properties) {
        return new InvoiceBodyReader(properties.maxBytes());
    }

    @Bean
    SubmissionAdmission submissionAdmission(SubmissionProperties properties, MeterRegistry meters) {
        return new SubmissionAdmission(properties.inFlight().perTenant(), properties.inFlight().total(), meters);
    }

    @Bean
    PublishedMarks publishedMarks(CommandLog commands, Clock clock, SubmissionProperties properties) {
        return new PublishedMarks(commands, clock, properties.markEvery(), properties.outbox().batchSize());
    }

    @Bean
    InvoiceSubmissions invoiceSubmissions(CommandLog commands, CommandPublisher publisher, PublishedMarks marks,
                                          Clock clock, SubmissionProperties properties) {
        var settings = new InvoiceSubmissions.SubmissionSettings(properties.environment(), properties.publishTimeout());
        return new InvoiceSubmissions(new InvoiceInspection(Fa3Schema.get()), commands, publisher, marks, clock,
                UUID::randomUUID, settings);
    }

    @Bean
    InvoiceDocumentQuery invoiceDocumentQuery(@Qualifier("syncServiceClient") WebClient syncService,
                                              SyncServiceProperties sync, CommandLog commands,
                                              SubmissionStatuses statuses) {
        return new InvoiceDocumentQuery(commands, statuses, new HttpSubmissionDocuments(syncService, sync.timeout()));
    }

    @Bean
    InvoiceStatusQuery invoiceStatusQuery(CommandLog commands, SubmissionStatuses statuses, SyncServiceProperties sync,
                                          Clock clock) {
        return new InvoiceStatusQuery(commands, statuses, new UnseenRecheck(sync.unseenRecheck(), 100_000), clock);
    }

    @Bean
    ConcurrentMessageListenerContainer<Void, Void> eventLogWatcher(KafkaProperties kafka, CommandLog commands,
                                                                   Clock clock) {
        Map<String, Object> consumer = kafka.buildConsumerProperties(null);
        consumer.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, EVENT_LOG_GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a poll batch is one UPDATE and one offset commit: the broker answers once it holds 256 KB of events
                // or after 200 ms, so a batch holds a fifth of a second's events, not the handful since the last poll;
                // first_event_at is set up to 200 ms later (README "Cost from the event log")
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, IgnoredPart.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, IgnoredPart.class));
        ContainerProperties container = new ContainerProperties(Topics.EVENTS.name());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new EventLogWatcher(new EventLogProgress(commands, clock), Duration.ofSeconds(30)));
        return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer), container);
    }

    @Bean
    OutboxRelay outboxRelay(CommandLog commands, CommandPublisher publisher, Clock clock, SubmissionProperties properties) {
        var outbox = properties.outbox();
        return new OutboxRelay(commands, publisher, clock, outbox.grace(), outbox.claim(), outbox.batchSize());
    }

    @Bean
    OutboxSchedule outboxSchedule(OutboxRelay relay) {
        return new OutboxSchedule(relay);
    }

    @Bean
    CommandRetention commandRetention(CommandLog commands, Clock clock, SubmissionProperties properties) {
        var retention = properties.retention();
        return new CommandRetention(commands, retention.keep(), retention.batch(), clock);
    }

    @Bean
    RetentionSchedule retentionSchedule(CommandRetention retention, MeterRegistry meters) {
        return new RetentionSchedule(retention, Counter.builder("ksef.gateway.retention.deleted")
                .description("commands deleted from the gateway's command log").register(meters));
    }
}
