package dev.ksefplatform.commandapi.integration;

import dev.ksefplatform.commandapi.integration.adapter.http.HttpIntegrationAccounts;
import dev.ksefplatform.commandapi.integration.adapter.http.HttpVaultAdmin;
import dev.ksefplatform.commandapi.integration.application.OperatorIntegrations;
import dev.ksefplatform.commandapi.integration.application.VaultAdmin;
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

    /** One client (one connection pool) to credential-service for the tenants' calls and the operators'. */
    record VaultClient(WebClient web) {
    }

    @Bean
    VaultClient vaultClient(WebClient.Builder web, CredentialServiceProperties vault,
                            @Value("${ksef.services.credential-service.url}") String url) {
        return new VaultClient(SyncServiceClient.create(web, "credential-service", url, vault.token(), vault.timeout(),
                vault.maxIdle()));
    }

    @Bean
    IntegrationAccounts integrationAccounts(VaultClient client, CredentialServiceProperties vault) {
        return new HttpIntegrationAccounts(client.web(), vault.timeout());
    }

    @Bean
    VaultAdmin vaultAdmin(VaultClient client, CredentialServiceProperties vault) {
        return new HttpVaultAdmin(client.web(), vault.timeout());
    }

    @Bean
    OperatorIntegrations operatorIntegrations(VaultAdmin vaultAdmin, Tenants tenants) {
        return new OperatorIntegrations(vaultAdmin, tenants);
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
