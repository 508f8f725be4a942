package dev.ksefplatform.commandapi.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token   bearer token of caller {@code command-api} at audit-projector; never logged
 * @param timeout per audit query; then 503 read-model-unavailable (audit-projector bounds its own statements at 5 s)
 * @param maxIdle a kept-alive connection unused this long is closed
 */
@ConfigurationProperties("commandapi.services.audit-projector")
public record AuditProjectorProperties(String token, @DefaultValue("6s") Duration timeout,
                                       @DefaultValue("30s") Duration maxIdle) {

    @Override
    public String toString() {
        return "AuditProjectorProperties[token=redacted, timeout=" + timeout + ", maxIdle=" + maxIdle + "]";
    }
}
