package dev.ksefplatform.sync.webhook;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval   pause between dispatcher rounds
 * @param timeout    per attempt
 * @param firstRetry pause after the first failed attempt, doubling up to {@code maxRetry}
 * @param attempts   attempts before a delivery is FAILED for good
 * @param allowHttp  plain-HTTP endpoints (tests and local stacks only; production takes HTTPS)
 * @param allowPrivateAddresses endpoints on loopback, link-local and private addresses (tests and local stacks only:
 *                              production refuses them, at registration and at every delivery, against SSRF)
 * @param secrets    the keys signing secrets are sealed under
 */
@ConfigurationProperties("sync.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration interval, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
                                @DefaultValue("10") int attempts, @DefaultValue("false") boolean allowHttp,
                                @DefaultValue("50") int batch, @DefaultValue("8") int concurrency,
                                @DefaultValue("false") boolean allowPrivateAddresses, Secrets secrets) {

    /**
     * @param keys    key id → Base64 of 32 random bytes (AES-256); keep old keys while rows sealed under them remain
     * @param current the key id new secrets are sealed under
     */
    public record Secrets(Map<String, String> keys, String current) {

        @Override
        public String toString() {
            return "Secrets[keys=" + (keys == null ? "[]" : keys.keySet()) + ", current=" + current + "]";
        }
    }
}
