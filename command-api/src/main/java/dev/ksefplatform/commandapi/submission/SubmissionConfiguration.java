package dev.ksefplatform.commandapi.submission;

import dev.ksefplatform.commandapi.submission.adapter.http.HttpSubmissionStatuses;
import dev.ksefplatform.commandapi.submission.adapter.kafka.KafkaCommandPublisher;
import dev.ksefplatform.commandapi.submission.adapter.r2dbc.R2dbcCommandLog;
import dev.ksefplatform.commandapi.submission.api.InvoiceBodyReader;
import dev.ksefplatform.commandapi.submission.application.CommandLog;
import dev.ksefplatform.commandapi.submission.application.CommandPublisher;
import dev.ksefplatform.commandapi.submission.application.InvoiceStatusQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.submission.application.OutboxRelay;
import dev.ksefplatform.commandapi.submission.application.SubmissionStatuses;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInspection;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubmissionConfiguration {

    @Bean
    CommandLog commandLog(DatabaseClient db) {
        return new R2dbcCommandLog(db);
    }

    @Bean
    CommandPublisher commandPublisher(KafkaTemplate<String, CommandEnvelope> kafka) {
        return new KafkaCommandPublisher(kafka, Topics.COMMANDS.name());
    }

    @Bean
    SubmissionStatuses submissionStatuses(WebClient.Builder web, SyncServiceProperties sync,
                                          @Value("${ksef.services.sync-service.url}") String syncServiceUrl) {
        WebClient client = web.clone()
                .baseUrl(syncServiceUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + sync.token())
                .build();
        return new HttpSubmissionStatuses(client, sync.timeout());
    }

    @Bean
    InvoiceBodyReader invoiceBodyReader(SubmissionProperties properties) {
        return new InvoiceBodyReader(properties.maxBytes());
    }

    @Bean
    InvoiceSubmissions invoiceSubmissions(CommandLog commands, CommandPublisher publisher, Clock clock,
                                          SubmissionProperties properties) {
        var settings = new InvoiceSubmissions.SubmissionSettings(properties.environment(), properties.publishTimeout());
        return new InvoiceSubmissions(new InvoiceInspection(Fa3Schema.get()), commands, publisher, clock,
                UUID::randomUUID, settings);
    }

    @Bean
    InvoiceStatusQuery invoiceStatusQuery(CommandLog commands, SubmissionStatuses statuses) {
        return new InvoiceStatusQuery(commands, statuses);
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
}
