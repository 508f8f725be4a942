package dev.ksefplatform.sync.integration;

import dev.ksefplatform.sync.integration.adapter.r2dbc.R2dbcIntegrations;
import dev.ksefplatform.sync.integration.application.IntegrationProjection;
import dev.ksefplatform.sync.integration.application.Integrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class IntegrationConfiguration {

    @Bean
    Integrations integrations(DatabaseClient db) {
        return new R2dbcIntegrations(db);
    }

    @Bean
    IntegrationProjection integrationProjection(Integrations integrations) {
        return new IntegrationProjection(integrations);
    }
}
