package dev.ksefplatform.commandapi.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param token bearer token of caller {@code command-api} at sync-service; never logged */
@ConfigurationProperties("commandapi.services.sync-service")
public record SyncServiceProperties(String token, @DefaultValue("3s") Duration timeout) {

    @Override
    public String toString() {
        return "SyncServiceProperties[token=redacted, timeout=" + timeout + "]";
    }
}
