package dev.ksefplatform.sync.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    CallerAuthenticationFilter callerAuthenticationFilter(CallerTokens tokens, ObjectMapper json) {
        return new CallerAuthenticationFilter(tokens, json);
    }
}
