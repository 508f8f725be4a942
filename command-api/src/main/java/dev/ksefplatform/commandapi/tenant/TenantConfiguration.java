package dev.ksefplatform.commandapi.tenant;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ksefplatform.commandapi.tenant.adapter.r2dbc.R2dbcTenants;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.tenant.application.TenantRegistration;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

    @Bean
    Tenants tenants(DatabaseClient db) {
        return new R2dbcTenants(db);
    }

    @Bean
    TenantRegistration tenantRegistration(Tenants tenants, Clock clock) {
        return new TenantRegistration(tenants, clock, UUID::randomUUID, new SecureRandom());
    }

    @Bean
    TenantAuthentication tenantAuthentication(Tenants tenants, ApiKeyProperties keys) {
        return new TenantAuthentication(tenants, keys.cacheTtl(), keys.cacheSize(), Ticker.systemTicker());
    }
}
