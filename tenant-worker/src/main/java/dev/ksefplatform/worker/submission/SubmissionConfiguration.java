package dev.ksefplatform.worker.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.submission.adapter.http.HttpTenantCredentials;
import dev.ksefplatform.worker.submission.adapter.kafka.CommandFailureHandling;
import dev.ksefplatform.worker.submission.adapter.kafka.CommandListener;
import dev.ksefplatform.worker.submission.adapter.kafka.KafkaWorkerEvents;
import dev.ksefplatform.worker.submission.adapter.ksef.ClientKsefSubmissions;
import dev.ksefplatform.worker.submission.adapter.ksef.KsefEnvironments;
import dev.ksefplatform.worker.submission.application.EventFactory;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.IdGenerator;
import dev.ksefplatform.worker.submission.application.KsefSubmissions;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import dev.ksefplatform.worker.submission.application.TenantCredentials;
import dev.ksefplatform.worker.submission.application.WorkerEvents;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;

/** Wires the invoice-submission feature: ports, adapters and the transactional failure path. */
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
    WorkerEvents workerEvents(KafkaTemplate<Object, Object> kafka) {
        return new KafkaWorkerEvents(kafka);
    }

    @Bean
    SubmitInvoiceHandler submitInvoiceHandler(TenantCredentials credentials, KsefSubmissions ksef,
                                              WorkerEvents events, EventFactory eventFactory) {
        return new SubmitInvoiceHandler(credentials, ksef, events, eventFactory, Clock.systemUTC());
    }

    @Bean
    FailedCommands failedCommands(WorkerEvents events, EventFactory eventFactory) {
        return new FailedCommands(events, eventFactory);
    }

    @Bean
    CommandListener commandListener(SubmitInvoiceHandler handler) {
        return new CommandListener(handler);
    }

    @Bean
    DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaTemplate<Object, Object> kafka,
                                                                        FailedCommands failed,
                                                                        WorkerProperties worker) {
        WorkerProperties.Retry retry = worker.retry();
        return CommandFailureHandling.afterRollbackProcessor(kafka, failed, retry.maxAttempts(),
                retry.initialInterval(), retry.multiplier(), retry.maxInterval(), retry.maxRetryAfter());
    }
}
