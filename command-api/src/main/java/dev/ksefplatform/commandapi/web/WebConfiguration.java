package dev.ksefplatform.commandapi.web;

import dev.ksefplatform.support.web.DroppedErrors;
import java.time.Duration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
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

    /**
     * A client that stops sending in the middle of a body no longer holds its connection (and the handler waiting for
     * the body) for ever: once no byte came for {@code read-timeout} the body fails and is answered 408
     * ({@link ProblemAdvice}); once the whole body took longer than {@code request-timeout} Reactor Netty closes the
     * connection. Both count only while the body is being received, not while it is handled. A 1 MB invoice at
     * 20 kB/s takes 50 s. The timed-out body Reactor Netty signals again once the connection is gone is logged at DEBUG,
     * not ERROR ({@link DroppedErrors}).
     */
    @Bean
    NettyServerCustomizer requestReadTimeouts(@Value("${ksef.http.read-timeout:10s}") Duration read,
            @Value("${ksef.http.request-timeout:60s}") Duration whole) {
        DroppedErrors.install();
        return server -> server.readTimeout(read).requestTimeout(whole);
    }
}
