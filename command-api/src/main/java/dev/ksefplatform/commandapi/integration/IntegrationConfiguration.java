package dev.ksefplatform.commandapi.integration;

import dev.ksefplatform.commandapi.integration.adapter.http.HttpIntegrationAccounts;
import dev.ksefplatform.commandapi.integration.application.IntegrationAccounts;
import dev.ksefplatform.commandapi.integration.application.SelfService;
import dev.ksefplatform.commandapi.integration.application.TenantOnboarding;
import dev.ksefplatform.commandapi.submission.SubmissionProperties;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.tenant.application.TenantRegistration;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class IntegrationConfiguration {

    @Bean
    IntegrationAccounts integrationAccounts(WebClient.Builder web, CredentialServiceProperties vault,
                                            @Value("${ksef.services.credential-service.url}") String url) {
        WebClient client = SyncServiceClient.create(web, "credential-service", url, vault.token(), vault.timeout(), vault.maxIdle());
        return new HttpIntegrationAccounts(client, vault.timeout());
    }

    @Bean
    SelfService selfService(IntegrationAccounts accounts, SubmissionProperties submission) {
        return new SelfService(accounts, submission.environment());
    }

    @Bean
    TenantOnboarding tenantOnboarding(TenantRegistration registration, Tenants tenants, SelfService selfService,
                                      IntegrationAccounts accounts) {
        return new TenantOnboarding(registration, tenants, selfService, accounts);
    }
}
