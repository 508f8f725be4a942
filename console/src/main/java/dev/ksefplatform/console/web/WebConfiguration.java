package dev.ksefplatform.console.web;

import org.springframework.boot.autoconfigure.web.reactive.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

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
}
