package dev.ksefplatform.sync.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import dev.ksefplatform.sync.webhook.adapter.crypto.AesGcmSigningSecrets;
import dev.ksefplatform.sync.webhook.adapter.http.HttpWebhookSender;
import dev.ksefplatform.sync.webhook.adapter.jdbc.V9__seal_webhook_secrets;
import dev.ksefplatform.sync.webhook.adapter.net.DnsWebhookEgress;
import dev.ksefplatform.sync.webhook.adapter.r2dbc.R2dbcDeliveryOutbox;
import dev.ksefplatform.sync.webhook.adapter.r2dbc.R2dbcWebhooks;
import dev.ksefplatform.sync.webhook.application.DeliveryOutbox;
import dev.ksefplatform.sync.webhook.application.SigningSecrets;
import dev.ksefplatform.sync.webhook.application.TenantScopedWebhooks;
import dev.ksefplatform.sync.webhook.application.WebhookDispatcher;
import dev.ksefplatform.sync.webhook.application.WebhookEnqueue;
import dev.ksefplatform.sync.webhook.application.WebhookRegistration;
import dev.ksefplatform.sync.webhook.application.Webhooks;
import dev.ksefplatform.sync.webhook.domain.RetryPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    SigningSecrets signingSecrets(WebhookProperties properties) {
        WebhookProperties.Secrets secrets = properties.secrets();
        return new AesGcmSigningSecrets(secrets == null ? null : secrets.keys(),
                secrets == null ? null : secrets.current(), new SecureRandom());
    }

    /** V9 seals the secrets V5 stored in clear: a Java migration, as it needs the configured key. */
    @Bean
    FlywayConfigurationCustomizer sealWebhookSecrets(SigningSecrets secrets) {
        return flyway -> flyway.javaMigrations(new V9__seal_webhook_secrets(secrets));
    }

    @Bean
    Webhooks webhooks(DatabaseClient db, TenantScope scope, SigningSecrets secrets) {
        return new TenantScopedWebhooks(new R2dbcWebhooks(db, secrets), scope);
    }

    @Bean
    DeliveryOutbox deliveryOutbox(DatabaseClient db) {
        return new R2dbcDeliveryOutbox(db);
    }

    @Bean
    WebhookEnqueue webhookEnqueue(DeliveryOutbox outbox) {
        return new WebhookEnqueue(outbox);
    }

    @Bean
    WebhookRegistration webhookRegistration(Webhooks webhooks, WebhookProperties properties) {
        return new WebhookRegistration(webhooks, properties.allowHttp(), properties.allowPrivateAddresses()
                ? DnsWebhookEgress.allowingAll() : DnsWebhookEgress.publicOnly());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(DeliveryOutbox outbox, SigningSecrets secrets, WebClient.Builder web,
                                        ObjectMapper json, WebhookProperties p) {
        return new WebhookDispatcher(outbox, secrets, new HttpWebhookSender(web, json, Clock.systemUTC(), p.timeout(),
                p.allowPrivateAddresses()),
                new RetryPolicy(p.firstRetry(), p.maxRetry(), p.attempts()), p.batch(), p.concurrency());
    }

    @Bean
    WebhookTicker webhookTicker(WebhookDispatcher dispatcher) {
        return new WebhookTicker(dispatcher);
    }
}
