package dev.ksefplatform.credentials.config;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ksef.environments.<ENV>.base-url} (CONTRACTS §2). */
@ConfigurationProperties("ksef")
public record KsefProperties(Map<String, Environment> environments) {

    public KsefProperties {
        environments = environments == null ? Map.of() : Map.copyOf(environments);
    }

    public record Environment(URI baseUrl) {
    }
}
