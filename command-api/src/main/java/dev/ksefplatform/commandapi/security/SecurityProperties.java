package dev.ksefplatform.commandapi.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Caller name → bearer token, for the admin API (CONTRACTS.md §3). */
@ConfigurationProperties("commandapi.security")
public record SecurityProperties(Map<String, String> callers) {

    public SecurityProperties {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
    }
}
