package dev.ksefplatform.console.acting;

import dev.ksefplatform.console.login.ConsoleUser;
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

    private final ActingAudit audit;

    ActingEndsAtLogout(ActingAudit audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser operator)) {
            return Mono.empty();
        }
        return exchange.getExchange().getSession()
                .flatMap(session -> audit.endIn(session, operator.personId(), "logout"));
    }
}
