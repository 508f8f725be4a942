package dev.ksefplatform.commandapi.tenant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl  how long a known API key is trusted without a database lookup
 * @param cacheSize how many keys are cached at most
 */
@ConfigurationProperties("commandapi.api-keys")
public record ApiKeyProperties(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("100000") int cacheSize) {
}
