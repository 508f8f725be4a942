package dev.ksefplatform.credentials.tenant;

import dev.ksefplatform.credentials.tenant.adapter.r2dbc.R2dbcTenantDirectory;
import dev.ksefplatform.credentials.tenant.application.GatewayTenants;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class TenantConfiguration {

    @Bean
    GatewayTenants gatewayTenants(DatabaseClient db, Clock clock) {
        return new GatewayTenants(new R2dbcTenantDirectory(db, clock));
    }
}
