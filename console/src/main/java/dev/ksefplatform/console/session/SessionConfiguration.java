package dev.ksefplatform.console.session;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Sessions as Spring Boot configures them ({@code server.reactive.session.*}: timeout, cookie, max sessions), in a
 * store that reports expiry ({@link IdleSessions}), swept every {@code console.session.sweep}.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    /** Named as WebFlux looks it up; Spring Boot then backs off its own. */
    @Bean
    WebSessionManager webSessionManager(ServerProperties server, IdleSessions sessions,
            ObjectProvider<WebSessionIdResolver> idResolver) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        sessions.setMaxSessions(server.getReactive().getSession().getMaxSessions());
        manager.setSessionStore(sessions);
        idResolver.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }

    @Bean
    IdleSessions idleSessions(ServerProperties server, SessionExpiry expiry,
            @Value("${console.session.sweep:30s}") Duration sweep) {
        // Spring's own expiry comes two sweeps later, so a session always expires here first
        return new IdleSessions(server.getReactive().getSession().getTimeout(), sweep.multipliedBy(2), expiry,
                Clock.systemUTC());
    }

    @Bean
    SmartLifecycle sessionSweep(IdleSessions sessions, @Value("${console.session.sweep:30s}") Duration sweep) {
        return new SmartLifecycle() {
            private Disposable running;

            @Override
            public void start() {
                running = Flux.interval(sweep, sweep).onBackpressureDrop().concatMap(tick -> sessions.sweep())
                        .filter(expired -> expired > 0)
                        .subscribe(expired -> log.info("sessions expired idle count={}", expired),
                                e -> log.error("the session sweep stopped", e));
            }

            @Override
            public void stop() {
                running.dispose();
            }

            @Override
            public boolean isRunning() {
                return running != null && !running.isDisposed();
            }
        };
    }
}
