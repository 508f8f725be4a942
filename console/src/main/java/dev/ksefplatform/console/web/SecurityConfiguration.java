package dev.ksefplatform.console.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * Who may see what, and the headers every answer carries. Forms are CSRF-protected (Spring Security's default for
 * every unsafe method); scripts and styles come only from the console itself, never inline.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** What only a tenant's manager, or an operator acting for the tenant, may post. */
    static final String[] MANAGERS_POST = {"/integrations/**", "/inbox/sync", "/invoices/upload", "/webhooks", "/webhooks/**", "/onboarding", "/onboarding/**"};

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ReactiveAuthenticationManager authentication,
                                           ServerAuthenticationSuccessHandler success,
                                           ServerAuthenticationFailureHandler failure,
                                           ServerLogoutHandler actingEnds) {
        var loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(java.net.URI.create("/login?logout"));
        return http
                .authenticationManager(authentication)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/actuator/health/**").permitAll()
                        .pathMatchers("/operator/**").hasRole("OPERATOR")
                        .pathMatchers(HttpMethod.POST, MANAGERS_POST).hasAnyRole("MANAGER", "OPERATOR")
                        .anyExchange().authenticated())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new MultipartCsrfTokens()))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationSuccessHandler(success).authenticationFailureHandler(failure))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut)
                        // first: acting ends (and is recorded) while the session still knows for whom
                        // (a handler given replaces Spring's default, so the default comes second)
                        .logoutHandler(new DelegatingServerLogoutHandler(actingEnds,
                                new SecurityContextServerLogoutHandler())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
