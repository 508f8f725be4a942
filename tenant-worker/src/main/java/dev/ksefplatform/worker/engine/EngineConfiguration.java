package dev.ksefplatform.worker.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.worker.PlatformProperties;
import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.engine.adapter.http.HttpTenantCredentials;
import dev.ksefplatform.worker.engine.adapter.jdbc.CallRecordWriter;
import dev.ksefplatform.worker.engine.adapter.ksef.ScopedCallObserver;
import dev.ksefplatform.worker.engine.adapter.ksef.ScratchDirectory;
import dev.ksefplatform.worker.engine.application.CallLog;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.time.Duration;
import dev.ksefplatform.worker.engine.adapter.jdbc.JdbcLaneStore;
import dev.ksefplatform.worker.intake.adapter.kafka.DeadLetters;
import dev.ksefplatform.worker.intake.adapter.kafka.RebuiltDeadLetters;
import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.adapter.ksef.BudgetSeeding;
import dev.ksefplatform.worker.engine.adapter.ksef.ClientKsef;
import dev.ksefplatform.worker.engine.adapter.ksef.KsefEnvironments;
import dev.ksefplatform.worker.engine.adapter.ksef.RateBudgetsAdapter;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.EventFactory;
import dev.ksefplatform.worker.engine.application.LaneDeps;
import dev.ksefplatform.worker.engine.application.LeaseCache;
import dev.ksefplatform.worker.engine.application.PermissionRechecks;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.engine.domain.LanePolicy;
import dev.ksefplatform.worker.outbox.application.OutboxRelay;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the lanes: the budget, KSeF, credential leases, the database, and the engine that runs them. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    Clock workerClock() {
        return Clock.systemUTC();
    }

    @Bean
    EventFactory eventFactory(Clock clock) {
        return EventFactory.randomIds(clock);
    }

    @Bean
    AvroEventEncoder eventEncoder() {
        return new AvroEventEncoder();
    }

    @Bean
    RateBudgets rateBudgets(WorkerProperties worker, Clock clock) {
        return new RateBudgets(clock, worker.ksef().budgetMargin());
    }

    @Bean
    BudgetSeeding budgetSeeding(RateBudgets budgets, WorkerProperties worker, Clock clock) {
        return new BudgetSeeding(budgets, worker.ksef().rateLimitsRefresh(), clock);
    }

    @Bean
    LeaseCache tenantCredentials(WorkerProperties worker, PlatformProperties platform, ObjectMapper json, Clock clock) {
        WorkerProperties.CredentialService service = worker.services().credentialService();
        HttpTenantCredentials http = new HttpTenantCredentials(HttpClient.newBuilder()
                .connectTimeout(service.timeout()).build(), platform.serviceUrl("credential-service"), service.token(),
                service.timeout(), json);
        return new LeaseCache(http, clock);
    }

    @Bean
    CallLog callLog() {
        return new CallLog(100_000);
    }

    @Bean
    CallRecordWriter callRecordWriter(CallLog calls, AvroEventEncoder encoder, JdbcTemplate jdbc, TransactionTemplate tx,
                                      OutboxRelay relay,
                                      Clock clock) {
        return new CallRecordWriter(calls, encoder, new OutboxWriter(jdbc, encoder, relay::nudge), tx,
                Duration.ofSeconds(1), clock);
    }

    /** Closed (removed) after the clients' users have stopped: they depend on it. */
    @Bean
    ScratchDirectory scratchDirectory(WorkerProperties worker) {
        return ScratchDirectory.claim(worker.ksef().tempDirectoryOrDefault());
    }

    @Bean
    KsefEnvironments ksefEnvironments(WorkerProperties worker, PlatformProperties platform, CallLog calls,
                                      RateBudgetsAdapter budget, ScratchDirectory scratch, Clock clock) {
        ScopedCallObserver recorded = new ScopedCallObserver(calls, clock);
        return new KsefEnvironments(platform.environmentBaseUris(), worker.ksef().requestTimeout(),
                scratch.path(), call -> {
                    recorded.called(call);
                    budget.answered();
                });
    }

    @Bean
    ClientKsef clientKsef(KsefEnvironments environments, BudgetSeeding seeding) {
        return new ClientKsef(environments, seeding);
    }

    @Bean
    RateBudgetsAdapter ksefBudget(RateBudgets budgets, BudgetSeeding seeding, Clock clock,
                                  io.micrometer.core.instrument.MeterRegistry registry) {
        return new RateBudgetsAdapter(budgets, seeding, clock, registry);
    }

    @Bean
    Engine engine(JdbcTemplate jdbc, TransactionTemplate tx, EventEncoder encoder, EventFactory events,
                  ClientKsef ksef, RateBudgetsAdapter budget, LeaseCache credentials, WorkerProperties worker,
                  ObjectProvider<CrashPoints> crashPoints, OutboxRelay relay, String workerInstanceId,
                  ObjectProvider<PermissionRechecks> rechecks, Clock clock) {
        CrashPoints crash = crashPoints.getIfAvailable(() -> CrashPoints.NONE);
        WorkerProperties.Engine engine = worker.engine();
        LaneDeps deps = new LaneDeps(new JdbcLaneStore(jdbc, tx, encoder, workerInstanceId, crash, relay::nudge,
                        new RebuiltDeadLetters(new DeadLetters(encoder, events), clock)),
                ksef, budget, credentials, events,
                engine.laneSettings(), new LanePolicy(engine.laneSettings()),
                new RetrySchedule(engine.retryInitial(), engine.retryMax(), engine.firstPoll(), engine.maxPoll()),
                crash, rechecks.getIfAvailable(() -> PermissionRechecks.NONE), clock);
        return new Engine(deps, engine.threads());
    }
}
