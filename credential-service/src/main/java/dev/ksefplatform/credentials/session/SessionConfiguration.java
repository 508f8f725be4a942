package dev.ksefplatform.credentials.session;

import dev.ksefplatform.credentials.config.KsefProperties;
import dev.ksefplatform.credentials.session.adapter.ksef.ClientKsefLogin;
import dev.ksefplatform.credentials.session.adapter.ksef.KsefClients;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.adapter.ksef.ClientKsefSessions;
import dev.ksefplatform.credentials.session.application.KsefCallAudit;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.session.application.SessionRecords;
import dev.ksefplatform.credentials.session.application.StaleSessions;
import dev.ksefplatform.credentials.session.adapter.r2dbc.R2dbcSessionRecords;
import org.springframework.r2dbc.core.DatabaseClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    KsefClients ksefClients(KsefProperties properties, Clock clock, KsefCallAudit audit,
                            @Value("${credentials.ksef.budget-max-wait:PT5S}") Duration maxWait,
                            @Value("${credentials.ksef.budget-margin:PT0.5S}") Duration margin) {
        Map<String, URI> baseUris = properties.environments().entrySet().stream()
                .filter(e -> e.getValue().baseUrl() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().baseUrl()));
        return new KsefClients(baseUris, new KsefClients.Budget(maxWait, margin, clock), audit);
    }

    @Bean
    KsefLogin ksefLogin(KsefClients clients) {
        return new ClientKsefLogin(clients);
    }

    /** ksef-client is blocking; its calls run here, never on the event loop. */
    @Bean(destroyMethod = "dispose")
    Scheduler ksefScheduler() {
        return Schedulers.newBoundedElastic(64, 10_000, "ksef");
    }

    @Bean
    SessionRecords sessionRecords(DatabaseClient db, Clock clock) {
        return new R2dbcSessionRecords(db, clock);
    }

    @Bean
    StaleSessions staleSessions(KsefClients clients, SessionRecords records) {
        return new StaleSessions(new ClientKsefSessions(clients), records);
    }

    @Bean
    AccessTokens accessTokens(KsefLogin ksefLogin, Clock clock, Scheduler ksefScheduler, StaleSessions staleSessions) {
        return new AccessTokens(ksefLogin, clock, task -> ksefScheduler.schedule(task), staleSessions);
    }
}
