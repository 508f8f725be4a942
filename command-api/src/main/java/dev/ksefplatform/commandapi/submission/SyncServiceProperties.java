package dev.ksefplatform.commandapi.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token         bearer token of caller {@code command-api} at sync-service; never logged
 * @param timeout       per status call; then the gateway answers PENDING
 * @param maxIdle       a kept-alive connection unused this long is closed
 * @param unseenRecheck a published command the event log has not shown for this long is looked up anyway, at most
 *                      once per this interval
 */
@ConfigurationProperties("commandapi.services.sync-service")
public record SyncServiceProperties(String token, @DefaultValue("3s") Duration timeout,
                                    @DefaultValue("30s") Duration maxIdle, @DefaultValue("30s") Duration unseenRecheck) {

    @Override
    public String toString() {
        return "SyncServiceProperties[token=redacted, timeout=" + timeout + ", maxIdle=" + maxIdle
                + ", unseenRecheck=" + unseenRecheck + "]";
    }
}
