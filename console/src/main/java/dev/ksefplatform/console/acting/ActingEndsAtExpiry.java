package dev.ksefplatform.console.acting;

import dev.ksefplatform.console.login.ConsoleUser;
import dev.ksefplatform.console.session.SessionExpiry;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A session that expires while its operator acts for a tenant ends the acting, recorded as "stop acting" and logging
 * out record it, naming the operator the session was logged in as.
 */
@Component
public final class ActingEndsAtExpiry implements SessionExpiry {

    private final ActingAudit audit;

    ActingEndsAtExpiry(ActingAudit audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> expired(WebSession session) {
        SecurityContext context = session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
        if (context == null || context.getAuthentication() == null
                || !(context.getAuthentication().getPrincipal() instanceof ConsoleUser operator)) {
            return Mono.empty();
        }
        return audit.endIn(session, operator.personId(), "session expiry");
    }
}
