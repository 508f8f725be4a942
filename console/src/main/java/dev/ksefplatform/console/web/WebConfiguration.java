package dev.ksefplatform.console.web;

import dev.ksefplatform.support.web.DroppedErrors;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.reactive.ResourceHandlerRegistrationCustomizer;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.WebExceptionHandler;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
    }

    /** Boot's static and webjars handlers serve copies in memory: {@link InMemoryCopies}. */
    @Bean
    ResourceHandlerRegistrationCustomizer inMemoryStaticFiles() {
        InMemoryCopies copies = new InMemoryCopies();
        return registration -> registration.resourceChain(true).addResolver(copies);
    }

    /** A refusal sent before an upload's end still reaches the browser: {@link DrainBeforeRefusing}. */
    @Bean
    HttpHandlerDecoratorFactory drainBeforeRefusing() {
        return new DrainBeforeRefusing();
    }

    /**
     * A browser that stops sending mid-request no longer holds its connection, nor {@link DrainBeforeRefusing}'s wait,
     * for ever: the body fails once no byte came for {@code read-timeout} or it took longer than {@code request-timeout}
     * (20 files of 1 MB at 1 Mbit/s take under 3 minutes). Both count only while a body is being received. What Reactor
     * Netty signals again after such a body, or after a refused upload, is logged at DEBUG ({@link DroppedErrors}).
     */
    @Bean
    NettyServerCustomizer requestReadTimeouts(@Value("${ksef.http.read-timeout:20s}") Duration read,
            @Value("${ksef.http.request-timeout:5m}") Duration whole) {
        DroppedErrors.install();
        return server -> server.readTimeout(read).requestTimeout(whole);
    }

    /** Before Boot's error page handler (order -1): {@link RequestTimedOut}. */
    @Bean
    @Order(-2)
    WebExceptionHandler requestTimedOut() {
        return new RequestTimedOut();
    }
}
