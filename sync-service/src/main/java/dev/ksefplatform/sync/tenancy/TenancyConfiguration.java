package dev.ksefplatform.sync.tenancy;

import dev.ksefplatform.sync.tenancy.adapter.r2dbc.PostgresTenantScope;
import dev.ksefplatform.sync.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    TenantScope tenantScope(DatabaseClient db, TransactionalOperator transaction) {
        return new PostgresTenantScope(db, transaction);
    }
}
