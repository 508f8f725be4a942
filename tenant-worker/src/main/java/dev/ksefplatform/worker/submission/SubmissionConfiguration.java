package dev.ksefplatform.worker.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.submission.adapter.http.HttpTenantCredentials;
import dev.ksefplatform.worker.submission.adapter.kafka.CommandLanes;
import dev.ksefplatform.worker.submission.adapter.kafka.KafkaWorkerEvents;
import dev.ksefplatform.worker.submission.adapter.kafka.RetryDelay;
import dev.ksefplatform.worker.submission.adapter.ksef.ClientKsefSubmissions;
import dev.ksefplatform.worker.submission.adapter.ksef.KsefEnvironments;
import dev.ksefplatform.worker.submission.application.EventFactory;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.IdGenerator;
import dev.ksefplatform.worker.submission.application.KsefSubmissions;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import dev.ksefplatform.worker.submission.application.TenantCredentials;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** Wires the invoice-submission feature: ports, adapters and the per-tenant lanes that consume commands. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, PlatformProperties.class})
class SubmissionConfiguration {

    @Bean
    EventFactory eventFactory() {
        return new EventFactory(IdGenerator.randomUuids(), Clock.systemUTC());
    }

    @Bean
    TenantCredentials tenantCredentials(WorkerProperties worker, PlatformProperties platform, ObjectMapper json) {
        WorkerProperties.CredentialService service = worker.services().credentialService();
        return new HttpTenantCredentials(HttpClient.newBuilder().connectTimeout(service.timeout()).build(),
                platform.serviceUrl("credential-service"), service.token(), service.timeout(), json);
    }

    @Bean
    KsefSubmissions ksefSubmissions(WorkerProperties worker, PlatformProperties platform) {
        return new ClientKsefSubmissions(
                new KsefEnvironments(platform.environmentBaseUris(), worker.ksef().requestTimeout()),
                worker.ksef().statusTimeout(), Clock.systemUTC());
    }

    @Bean
    KafkaWorkerEvents workerEvents() {
        return new KafkaWorkerEvents();
    }

    @Bean
    SubmitInvoiceHandler submitInvoiceHandler(TenantCredentials credentials, KsefSubmissions ksef,
                                              KafkaWorkerEvents events, EventFactory eventFactory) {
        return new SubmitInvoiceHandler(credentials, ksef, events, eventFactory, Clock.systemUTC());
    }

    @Bean
    FailedCommands failedCommands(KafkaWorkerEvents events, EventFactory eventFactory) {
        return new FailedCommands(events, eventFactory);
    }

    // Consumer and producer settings come from spring.kafka through Boot's factories: the yml stays the one source.
    @Bean
    CommandLanes commandLanes(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
                              SubmitInvoiceHandler handler, FailedCommands failed, KafkaWorkerEvents events,
                              WorkerProperties worker) {
        WorkerProperties.Retry retry = worker.retry();
        WorkerProperties.Lanes lanes = worker.lanes();
        RetryDelay retryDelay = new RetryDelay(retry.initialInterval(), retry.multiplier(), retry.maxInterval(),
                retry.maxRetryAfter());
        return new CommandLanes(consumers.getConfigurationProperties(), producers.getConfigurationProperties(),
                producers.getTransactionIdPrefix(), handler, failed, events, new CommandLanes.Settings(
                        lanes.maxConcurrency(), retry.maxAttempts(), lanes.commitInterval(), lanes.drainTimeout(),
                        retryDelay));
    }

    @Bean
    HealthIndicator commandLanesHealth(CommandLanes lanes) {
        return () -> lanes.failure().map(reason -> Health.down().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().build());
    }
}
