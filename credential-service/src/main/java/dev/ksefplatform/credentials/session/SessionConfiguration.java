package dev.ksefplatform.credentials.session;

import dev.ksefplatform.credentials.config.KsefProperties;
import dev.ksefplatform.credentials.session.adapter.ksef.ClientKsefLogin;
import dev.ksefplatform.credentials.session.adapter.ksef.KsefClients;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    KsefClients ksefClients(KsefProperties properties) {
        Map<String, URI> baseUris = properties.environments().entrySet().stream()
                .filter(e -> e.getValue().baseUrl() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().baseUrl()));
        return new KsefClients(baseUris);
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
    AccessTokens accessTokens(KsefLogin ksefLogin, Clock clock, Scheduler ksefScheduler) {
        return new AccessTokens(ksefLogin, clock, task -> ksefScheduler.schedule(task));
    }
}
