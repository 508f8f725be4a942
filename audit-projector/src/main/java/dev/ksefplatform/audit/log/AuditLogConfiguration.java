package dev.ksefplatform.audit.log;

import dev.ksefplatform.audit.log.adapter.r2dbc.R2dbcAuditLog;
import dev.ksefplatform.audit.log.adapter.r2dbc.TenantScope;
import dev.ksefplatform.audit.log.application.AuditLog;
import dev.ksefplatform.audit.log.application.AuditProjection;
import dev.ksefplatform.audit.log.application.AuditQueries;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    @Bean
    TenantScope tenantScope(DatabaseClient db, TransactionalOperator transaction,
                            @Value("${audit.query.statement-timeout:5s}") Duration statementTimeout) {
        return new TenantScope(db, transaction, statementTimeout);
    }

    @Bean
    AuditLog auditLog(DatabaseClient db, TenantScope tenants) {
        return new R2dbcAuditLog(db, tenants);
    }

    @Bean
    AuditProjection auditProjection(AuditLog log) {
        return new AuditProjection(log, Clock.systemUTC());
    }

    @Bean
    AuditQueries auditQueries(AuditLog log) {
        return new AuditQueries(log);
    }
}
