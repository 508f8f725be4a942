package dev.ksefplatform.console.acting;

import dev.ksefplatform.console.login.ConsoleUser;
import dev.ksefplatform.console.web.ActingFor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An operator who logs out while acting for a tenant stops acting, and the end is recorded like "stop acting" records
 * it. Logging out never waits on command-api: an end it could not record is logged, and the session ends anyway.
 */
@Component
public final class ActingEndsAtLogout implements ServerLogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(ActingEndsAtLogout.class);

    private final ActingAudit audit;

    ActingEndsAtLogout(ActingAudit audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser operator)) {
            return Mono.empty();
        }
        return exchange.getExchange().getSession().flatMap(session -> {
            ActingFor acting = ActingFor.in(session);
            if (acting == null) {
                return Mono.<Void>empty();
            }
            ActingFor.endIn(session);
            log.info("operator stops acting for tenant at logout operatorId={} tenantId={}", operator.personId(),
                    acting.tenantId());
            return audit.ended(operator.personId(), acting.tenantId()).onErrorResume(e -> {
                log.warn("the end of acting was not recorded operatorId={} tenantId={} cause={}", operator.personId(),
                        acting.tenantId(), e.toString());
                return Mono.empty();
            });
        });
    }
}
