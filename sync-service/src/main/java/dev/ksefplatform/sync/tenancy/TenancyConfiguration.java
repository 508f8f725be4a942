package dev.ksefplatform.sync.tenancy;

import dev.ksefplatform.support.tenancy.adapter.r2dbc.PostgresTenantScope;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    /** The API's reads run as {@code sync_reader}, whose policies (migration V7) show the scope's tenant only. */
    static final String READER_ROLE = "sync_reader";

    @Bean
    TenantScope tenantScope(DatabaseClient db, TransactionalOperator transaction) {
        return PostgresTenantScope.asRole(db, transaction, READER_ROLE);
    }
}
