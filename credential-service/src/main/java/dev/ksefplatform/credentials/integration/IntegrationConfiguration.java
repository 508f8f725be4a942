package dev.ksefplatform.credentials.integration;

import dev.ksefplatform.credentials.integration.adapter.kafka.IntegrationEventMapper;
import dev.ksefplatform.credentials.integration.adapter.kafka.OutboxIntegrationEvents;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.integration.adapter.r2dbc.R2dbcIntegrationRepository;
import dev.ksefplatform.credentials.integration.adapter.r2dbc.R2dbcProviderCredentialRepository;
import dev.ksefplatform.credentials.integration.application.AuthSessionSweep;
import dev.ksefplatform.credentials.integration.application.CredentialSource;
import dev.ksefplatform.credentials.integration.application.KsefCallAuditing;
import dev.ksefplatform.credentials.session.application.KsefCallAudit;
import dev.ksefplatform.credentials.session.application.SessionRecords;
import dev.ksefplatform.credentials.session.application.StaleSessions;
import dev.ksefplatform.credentials.integration.application.ProviderCredentialRepository;
import dev.ksefplatform.credentials.integration.application.ProviderCredentials;
import dev.ksefplatform.credentials.integration.application.IntegrationAdmin;
import dev.ksefplatform.credentials.integration.application.IntegrationEvents;
import dev.ksefplatform.credentials.integration.application.IntegrationRepository;
import dev.ksefplatform.credentials.integration.application.IntegrationVerifier;
import dev.ksefplatform.credentials.integration.application.Reverification;
import dev.ksefplatform.credentials.integration.application.SecretVault;
import dev.ksefplatform.credentials.integration.application.SharedVerifications;
import dev.ksefplatform.credentials.integration.application.TenantIntegrations;
import dev.ksefplatform.credentials.jobs.application.JobSchedule;
import dev.ksefplatform.credentials.jobs.application.PeriodicJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import dev.ksefplatform.credentials.session.adapter.ksef.KsefClients;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Scheduler;

@Configuration(proxyBeanMethods = false)
public class IntegrationConfiguration {

    @Bean
    IntegrationRepository integrationRepository(DatabaseClient db, ReactiveTransactionManager transactions,
                                                Clock clock) {
        return new R2dbcIntegrationRepository(db, TransactionalOperator.create(transactions), clock);
    }

    @Bean
    IntegrationEvents integrationEvents(Outbox outbox, ReactiveTransactionManager transactions, Clock clock,
                                        Supplier<UUID> ids) {
        return new OutboxIntegrationEvents(outbox, new IntegrationEventMapper(clock, ids),
                TransactionalOperator.create(transactions));
    }

    /** Every KSeF call of this service, as {@code KsefCallRecorded} events. */
    @Bean
    KsefCallAudit ksefCallAudit(IntegrationRepository repository, IntegrationEvents events) {
        return new KsefCallAuditing(repository, events);
    }

    @Bean
    SecretVault secretVault(EnvelopeCipher cipher) {
        return new SecretVault(cipher);
    }

    @Bean
    ProviderCredentialRepository providerCredentialRepository(DatabaseClient db, ReactiveTransactionManager transactions) {
        return new R2dbcProviderCredentialRepository(db, TransactionalOperator.create(transactions));
    }

    @Bean
    CredentialSource credentialSource(IntegrationRepository integrations, ProviderCredentialRepository providers,
                                      SecretVault vault) {
        return new CredentialSource(integrations, providers, vault);
    }

    @Bean
    ProviderCredentials providerCredentials(ProviderCredentialRepository repository, IntegrationEvents events,
                                            SecretVault vault, KsefClients ksefClients, Clock clock,
                                            Supplier<UUID> ids) {
        return new ProviderCredentials(repository, events, vault, ksefClients::knows, clock, ids);
    }

    @Bean
    IntegrationAdmin integrationAdmin(IntegrationRepository repository, ProviderCredentialRepository providers,
                                      IntegrationEvents events, SecretVault vault, AccessTokens accessTokens,
                                      KsefClients ksefClients, Clock clock, Supplier<UUID> ids) {
        return new IntegrationAdmin(repository, providers, events, vault, accessTokens, ksefClients::knows, clock,
                ids);
    }

    @Bean
    SharedVerifications sharedVerifications(IntegrationVerifier verifier) {
        return new SharedVerifications(verifier);
    }

    @Bean
    TenantIntegrations tenantIntegrations(IntegrationAdmin admin, SharedVerifications verifications,
                                          ProviderCredentials providers) {
        return new TenantIntegrations(admin, verifications, providers);
    }

    /** Every ACTIVE integration verified again each {@code every}, by one instance at a time (a claim in the database). */
    @Bean(destroyMethod = "dispose")
    Disposable reverificationSchedule(IntegrationRepository repository, IntegrationVerifier verifier,
                                      JobSchedule schedule, String jobOwner,
                                      @Value("${credentials.reverification.every:P1D}") Duration every,
                                      @Value("${credentials.reverification.check-every:PT1M}") Duration checkEvery,
                                      @Value("${credentials.reverification.max-run:PT1H}") Duration maxRun,
                                      @Value("${credentials.reverification.concurrency:2}") int concurrency,
                                      @Value("${credentials.reverification.enabled:true}") boolean enabled) {
        if (!enabled) {
            return Flux.never().subscribe();
        }
        Reverification reverification = new Reverification(repository, verifier, concurrency);
        PeriodicJob job = new PeriodicJob("integration-reverification", jobOwner, every, maxRun, schedule,
                () -> reverification.run().map(Reverification.Result::toString));
        return Flux.interval(checkEvery, checkEvery, Schedulers.parallel()).onBackpressureDrop()
                .concatMap(tick -> job.runIfDue().onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    /** KSeF auth sessions this service opened and replaced, revoked by one instance at a time. */
    @Bean(destroyMethod = "dispose")
    Disposable authSessionSweep(SessionRecords records, StaleSessions staleSessions, AccessTokens accessTokens,
                                IntegrationRepository repository, CredentialSource credentials,
                                Scheduler ksefScheduler, JobSchedule schedule, String jobOwner,
                                @Value("${credentials.sessions.sweep.every:PT1H}") Duration every,
                                @Value("${credentials.sessions.sweep.check-every:PT1M}") Duration checkEvery,
                                @Value("${credentials.sessions.sweep.enabled:true}") boolean enabled) {
        if (!enabled) {
            return Flux.never().subscribe();
        }
        AuthSessionSweep sweep = new AuthSessionSweep(records, staleSessions, accessTokens, repository, credentials,
                ksefScheduler);
        PeriodicJob job = new PeriodicJob("auth-session-sweep", jobOwner, every, Duration.ofMinutes(30), schedule,
                sweep::run);
        return Flux.interval(checkEvery, checkEvery, Schedulers.parallel()).onBackpressureDrop()
                .concatMap(tick -> job.runIfDue().onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    @Bean
    IntegrationVerifier integrationVerifier(IntegrationRepository repository, IntegrationEvents events,
                                            CredentialSource credentials, KsefLogin ksefLogin,
                                            AccessTokens accessTokens, Clock clock, Scheduler ksefScheduler) {
        return new IntegrationVerifier(repository, events, credentials, ksefLogin, accessTokens, clock,
                ksefScheduler);
    }
}
