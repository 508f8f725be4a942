package dev.ksefplatform.credentials.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Caller name by bearer token ({@code credentials.security.callers.<caller>: <token>}). */
public final class CallerTokens {

    private final Map<String, String> tokenByCaller;

    public CallerTokens(Map<String, String> tokenByCaller) {
        this.tokenByCaller = Map.copyOf(tokenByCaller);
    }

    /** Compares every configured token in constant time, so timing does not reveal a prefix match. */
    public Optional<String> callerOf(String presentedToken) {
        byte[] presented = presentedToken.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, String> entry : tokenByCaller.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }
}
