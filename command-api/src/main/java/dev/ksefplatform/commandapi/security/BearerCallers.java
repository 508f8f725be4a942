package dev.ksefplatform.commandapi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Resolves a service caller from its bearer token and checks it may use an endpoint. */
public final class BearerCallers {

    private static final String PREFIX = "Bearer ";

    private final Map<String, String> tokensByCaller;

    public BearerCallers(Map<String, String> tokensByCaller) {
        this.tokensByCaller = Map.copyOf(tokensByCaller);
    }

    /** Throws {@link NotAuthenticated} for a missing/unknown token, {@link NotPermitted} for another caller. */
    public void require(String authorization, String allowedCaller) {
        String caller = callerOf(authorization).orElseThrow(NotAuthenticated::bearer);
        if (!caller.equals(allowedCaller)) {
            throw new NotPermitted(caller);
        }
    }

    /** As {@link #require(String, String)}, for an endpoint several callers may use. */
    public void requireAny(String authorization, java.util.Set<String> allowedCallers) {
        String caller = callerOf(authorization).orElseThrow(NotAuthenticated::bearer);
        if (!allowedCallers.contains(caller)) {
            throw new NotPermitted(caller);
        }
    }

    private Optional<String> callerOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        byte[] presented = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return tokensByCaller.entrySet().stream()
                .filter(e -> MessageDigest.isEqual(e.getValue().getBytes(StandardCharsets.UTF_8), presented))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
