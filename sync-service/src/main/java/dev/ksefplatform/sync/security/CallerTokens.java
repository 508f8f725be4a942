package dev.ksefplatform.sync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Caller name → bearer token ({@code sync.security.callers.<caller>}); tokens are compared in constant time. */
@ConfigurationProperties("sync.security")
public record CallerTokens(Map<String, String> callers) {

    public CallerTokens {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
    }

    public Optional<String> callerOf(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        return callers.entrySet().stream()
                .filter(entry -> MessageDigest.isEqual(entry.getValue().getBytes(StandardCharsets.UTF_8), presented))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public String toString() {
        return "CallerTokens" + callers.keySet();
    }
}
