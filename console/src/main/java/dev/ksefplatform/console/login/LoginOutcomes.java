package dev.ksefplatform.console.login;

import dev.ksefplatform.console.person.application.LoginAttempts;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;

/** Counts each login's outcome for the lock-out, then sends the browser on. */
final class LoginOutcomes implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    private final LoginAttempts attempts;
    private final RedirectServerAuthenticationSuccessHandler home = new RedirectServerAuthenticationSuccessHandler("/");
    private final RedirectServerAuthenticationFailureHandler wrong = new RedirectServerAuthenticationFailureHandler("/login?error");
    private final RedirectServerAuthenticationFailureHandler locked = new RedirectServerAuthenticationFailureHandler("/login?locked");

    LoginOutcomes(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        if (authentication instanceof CredentialsContainer kept) {
            kept.eraseCredentials(); // the session keeps this object: no password hash in it from here on
        }
        return attempts.succeeded(authentication.getName()).then(home.onAuthenticationSuccess(exchange, authentication));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        var next = exception instanceof LockedException ? locked : wrong;
        return exchange.getExchange().getFormData()
                .flatMap(form -> attempts.failed(form.getFirst("username")))
                .then(next.onAuthenticationFailure(exchange, exception));
    }

}
