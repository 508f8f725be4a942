package dev.ksefplatform.commandapi.budget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token   bearer token of caller {@code command-api} at tenant-worker's internal API; never logged
 * @param timeout per budget call; then the tenant gets 503 read-model-unavailable
 * @param maxIdle a kept-alive connection unused this long is closed
 */
@ConfigurationProperties("commandapi.services.tenant-worker")
public record TenantWorkerProperties(String token, @DefaultValue("3s") Duration timeout,
                                     @DefaultValue("30s") Duration maxIdle) {

    @Override
    public String toString() {
        return "TenantWorkerProperties[token=redacted, timeout=" + timeout + ", maxIdle=" + maxIdle + "]";
    }
}
