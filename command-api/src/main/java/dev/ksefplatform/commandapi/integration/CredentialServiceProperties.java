package dev.ksefplatform.commandapi.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token   bearer token of caller {@code command-api} at credential-service; never logged
 * @param timeout per call; a verification logs in to KSeF and may wait for KSeF's rate budget (up to 5 s there)
 * @param maxIdle a kept-alive connection unused this long is closed
 */
@ConfigurationProperties("commandapi.services.credential-service")
public record CredentialServiceProperties(String token, @DefaultValue("30s") Duration timeout,
                                          @DefaultValue("30s") Duration maxIdle) {

    @Override
    public String toString() {
        return "CredentialServiceProperties[token=redacted, timeout=" + timeout + ", maxIdle=" + maxIdle + "]";
    }
}
