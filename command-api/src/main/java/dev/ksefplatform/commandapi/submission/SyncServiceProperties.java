package dev.ksefplatform.commandapi.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token         bearer token of caller {@code command-api} at sync-service; never logged
 * @param timeout       per status call; then the gateway answers PENDING
 * @param writeTimeout  per attempt of a webhook's registration, which is tried twice (the console waits 10 s)
 * @param maxIdle       a kept-alive connection unused this long is closed
 * @param unseenRecheck a published command the event log has not shown for this long is looked up anyway, at most
 *                      once per this interval
 */
@ConfigurationProperties("commandapi.services.sync-service")
public record SyncServiceProperties(String token, @DefaultValue("3s") Duration timeout,
                                    @DefaultValue("30s") Duration maxIdle, @DefaultValue("30s") Duration unseenRecheck,
                                    @DefaultValue("4s") Duration writeTimeout) {

    @Override
    public String toString() {
        return "SyncServiceProperties[token=redacted, timeout=" + timeout + ", maxIdle=" + maxIdle
                + ", unseenRecheck=" + unseenRecheck + ", writeTimeout=" + writeTimeout + "]";
    }
}
