package dev.ksefplatform.worker.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.PlatformProperties;
import dev.ksefplatform.worker.TickingThread;
import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.EventFactory;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.intake.adapter.kafka.DeadLetters;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import dev.ksefplatform.worker.verify.adapter.http.HttpIntegrationChecks;
import dev.ksefplatform.worker.verify.adapter.jdbc.JdbcVerificationStore;
import dev.ksefplatform.worker.verify.application.Verifications;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the verifications: {@code VerifyIntegration} commands and the lanes' re-checks, through credential-service. */
@Configuration(proxyBeanMethods = false)
public class VerifyConfiguration {

    @Bean
    JdbcVerificationStore verificationStore(JdbcTemplate jdbc, TransactionTemplate tx, EventEncoder encoder,
                                            dev.ksefplatform.worker.outbox.application.OutboxRelay relay,
                                            EventFactory events, Clock clock,
                                            io.micrometer.core.instrument.MeterRegistry registry) {
        return new JdbcVerificationStore(jdbc, tx, new OutboxWriter(jdbc, encoder, relay::nudge),
                new DeadLetters(encoder, events),
                clock, dev.ksefplatform.worker.WorkerMetrics.deadLetters(registry, "verification")::increment);
    }

    @Bean
    TickingThread verifyRuntime(JdbcVerificationStore store, Engine engine, WorkerProperties worker,
                                PlatformProperties platform, ObjectMapper json, String workerInstanceId, Clock clock) {
        WorkerProperties.CredentialService service = worker.services().credentialService();
        HttpIntegrationChecks checks = new HttpIntegrationChecks(HttpClient.newBuilder()
                .connectTimeout(service.timeout()).build(), platform.serviceUrl("credential-service"), service.token(),
                service.timeout().multipliedBy(3), json);
        WorkerProperties.Engine engineSettings = worker.engine();
        Verifications verifications = new Verifications(store, checks, engine::ownedPartitions,
                new RetrySchedule(engineSettings.retryInitial(), engineSettings.retryMax(), engineSettings.firstPoll(),
                        engineSettings.maxPoll()), workerInstanceId, 20, clock);
        return new TickingThread("integration-verifications", worker.inbox().tick(), verifications::tick);
    }
}
