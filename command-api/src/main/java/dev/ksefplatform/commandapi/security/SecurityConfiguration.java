package dev.ksefplatform.commandapi.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    BearerCallers bearerCallers(SecurityProperties properties) {
        return new BearerCallers(properties.callers());
    }
}
