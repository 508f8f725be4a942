package dev.ksefplatform.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Caller name → bearer token ({@code <prefix>.security.callers.<caller>}, CONTRACTS §3). A presented token is
 * compared with every known token as SHA-256 digests through {@link MessageDigest#isEqual}, so neither the
 * position of the first differing byte, the token's length nor which caller matched shows in the timing.
 */
public final class CallerTokens {

    private final Map<String, byte[]> digests;

    public CallerTokens(Map<String, String> callers) {
        this.digests = callers == null ? Map.of() : callers.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> sha256(entry.getValue())));
    }

    /** The map bound from {@code property}, e.g. {@code sync.security.callers}; none when it is absent. */
    public static CallerTokens bind(Environment environment, String property) {
        return new CallerTokens(Binder.get(environment)
                .bind(property, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    public Optional<String> callerOf(String token) {
        byte[] presented = sha256(token);
        String caller = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                caller = entry.getKey();
            }
        }
        return Optional.ofNullable(caller);
    }

    @Override
    public String toString() {
        return "CallerTokens" + digests.keySet();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
