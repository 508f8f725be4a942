package dev.ksefplatform.credentials.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.credentials.config.CredentialsProperties;
import dev.ksefplatform.credentials.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    Problems problems(ObjectMapper json) {
        return new Problems(json);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    CallerAuthenticationFilter callerAuthenticationFilter(CredentialsProperties properties, Problems problems) {
        return new CallerAuthenticationFilter(new CallerTokens(properties.security().callers()), problems);
    }
}
