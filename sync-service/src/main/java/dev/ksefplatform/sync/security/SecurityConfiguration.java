package dev.ksefplatform.sync.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.support.security.AccessRules;
import dev.ksefplatform.support.security.CallerAuthenticationFilter;
import dev.ksefplatform.support.security.CallerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Bearer tokens per caller ({@code sync.security.callers.<caller>}) and who may call what (CONTRACTS §3). */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final AccessRules ACCESS_RULES = AccessRules.none()
            .allow("/internal/", "command-api")
            .allow("/admin/", "admin");

    @Bean
    CallerAuthenticationFilter callerAuthenticationFilter(Environment environment, ObjectMapper json) {
        CallerTokens tokens = CallerTokens.bind(environment, "sync.security.callers");
        return new CallerAuthenticationFilter(ACCESS_RULES, tokens, json);
    }
}
