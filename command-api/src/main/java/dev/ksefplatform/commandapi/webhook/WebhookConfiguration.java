package dev.ksefplatform.commandapi.webhook;

import dev.ksefplatform.commandapi.submission.SyncServiceProperties;
import dev.ksefplatform.commandapi.webhook.adapter.http.HttpTenantWebhooks;
import dev.ksefplatform.commandapi.webhook.application.TenantWebhooks;
import dev.ksefplatform.commandapi.webhook.application.WebhookSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    TenantWebhooks tenantWebhooks(@Qualifier("syncServiceClient") WebClient syncService, SyncServiceProperties sync) {
        return new HttpTenantWebhooks(syncService, sync.timeout(), sync.writeTimeout());
    }

    @Bean
    WebhookSettings webhookSettings(TenantWebhooks webhooks) {
        return new WebhookSettings(webhooks);
    }
}
