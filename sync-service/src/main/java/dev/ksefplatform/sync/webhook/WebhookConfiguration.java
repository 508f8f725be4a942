package dev.ksefplatform.sync.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import dev.ksefplatform.sync.webhook.adapter.http.HttpWebhookSender;
import dev.ksefplatform.sync.webhook.adapter.r2dbc.R2dbcDeliveryOutbox;
import dev.ksefplatform.sync.webhook.adapter.r2dbc.R2dbcWebhooks;
import dev.ksefplatform.sync.webhook.application.DeliveryOutbox;
import dev.ksefplatform.sync.webhook.application.TenantScopedWebhooks;
import dev.ksefplatform.sync.webhook.application.WebhookDispatcher;
import dev.ksefplatform.sync.webhook.application.WebhookEnqueue;
import dev.ksefplatform.sync.webhook.application.WebhookRegistration;
import dev.ksefplatform.sync.webhook.application.Webhooks;
import dev.ksefplatform.sync.webhook.domain.RetryPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    Webhooks webhooks(DatabaseClient db, TenantScope scope) {
        return new TenantScopedWebhooks(new R2dbcWebhooks(db), scope);
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
        return new WebhookRegistration(webhooks, properties.allowHttp());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(DeliveryOutbox outbox, WebClient.Builder web, ObjectMapper json,
                                        WebhookProperties p) {
        return new WebhookDispatcher(outbox, new HttpWebhookSender(web, json, Clock.systemUTC(), p.timeout()),
                new RetryPolicy(p.firstRetry(), p.maxRetry(), p.attempts()), p.batch(), p.concurrency());
    }

    @Bean
    WebhookTicker webhookTicker(WebhookDispatcher dispatcher) {
        return new WebhookTicker(dispatcher);
    }
}
