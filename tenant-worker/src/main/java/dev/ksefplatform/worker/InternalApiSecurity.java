package dev.ksefplatform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.support.security.AccessRules;
import dev.ksefplatform.support.security.CallerAuthenticationFilter;
import dev.ksefplatform.support.security.CallerTokens;
import dev.ksefplatform.support.web.InvalidRequestAdvice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The worker's internal API (CONTRACTS §3): bearer tokens per caller ({@code worker.security.callers.<caller>}),
 * {@code /internal/} open to command-api only; bad parameters are 400 problems.
 */
@Configuration(proxyBeanMethods = false)
class InternalApiSecurity {

    static final AccessRules ACCESS_RULES = AccessRules.none().allow("/internal/", "command-api");

    @Bean
    CallerAuthenticationFilter callerAuthenticationFilter(Environment environment, ObjectMapper json) {
        return new CallerAuthenticationFilter(ACCESS_RULES, CallerTokens.bind(environment, "worker.security.callers"), json);
    }

    @Bean
    InvalidRequestAdvice invalidRequestAdvice() {
        return new InvalidRequestAdvice();
    }
}
