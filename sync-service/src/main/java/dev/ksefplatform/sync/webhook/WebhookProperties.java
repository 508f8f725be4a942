package dev.ksefplatform.sync.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval   pause between dispatcher rounds
 * @param timeout    per attempt
 * @param firstRetry pause after the first failed attempt, doubling up to {@code maxRetry}
 * @param attempts   attempts before a delivery is FAILED for good
 * @param allowHttp  plain-HTTP endpoints (tests and local stacks only; production takes HTTPS)
 */
@ConfigurationProperties("sync.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration interval, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
                                @DefaultValue("10") int attempts, @DefaultValue("false") boolean allowHttp,
                                @DefaultValue("50") int batch, @DefaultValue("8") int concurrency) {
}
