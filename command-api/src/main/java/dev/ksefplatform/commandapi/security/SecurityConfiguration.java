package dev.ksefplatform.commandapi.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    BearerCallers bearerCallers(SecurityProperties properties) {
        return new BearerCallers(properties.callers());
    }

    @Bean
    WebFilter actForFilter(BearerCallers callers) {
        return new ActForFilter(new ActForHeaders(callers));
    }
}
