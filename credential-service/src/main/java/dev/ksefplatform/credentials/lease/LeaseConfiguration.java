package dev.ksefplatform.credentials.lease;

import dev.ksefplatform.credentials.integration.application.IntegrationEvents;
import dev.ksefplatform.credentials.integration.application.IntegrationRepository;
import dev.ksefplatform.credentials.integration.application.CredentialSource;
import dev.ksefplatform.credentials.lease.adapter.r2dbc.R2dbcLeaseLog;
import dev.ksefplatform.credentials.lease.application.LeaseLog;
import dev.ksefplatform.credentials.lease.application.LeaseRefusals;
import dev.ksefplatform.credentials.lease.application.LeaseService;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
public class LeaseConfiguration {

    @Bean
    LeaseLog leaseLog(DatabaseClient db) {
        return new R2dbcLeaseLog(db);
    }

    @Bean
    LeaseRefusals leaseRefusals(LeaseLog leaseLog, IntegrationEvents events, IntegrationRepository integrations,
                                AccessTokens accessTokens, MeterRegistry meters) {
        return new LeaseRefusals(leaseLog, events, integrations, accessTokens, meters);
    }

    @Bean
    LeaseService leaseService(IntegrationRepository integrations, CredentialSource credentials,
                              AccessTokens accessTokens, LeaseLog leaseLog, LeaseRefusals refusals, Clock clock,
                              Supplier<UUID> ids) {
        return new LeaseService(integrations, credentials, accessTokens, leaseLog, refusals, clock, ids);
    }
}
