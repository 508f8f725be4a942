package dev.ksefplatform.commandapi.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    OpenApiCustomizer openApiProblems() {
        return new OpenApiProblems();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter requestBodyDrain() {
        return new RequestBodyDrain();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    WebFilter closeAfterRefusal() {
        return new CloseAfterRefusal();
    }
}
