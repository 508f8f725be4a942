package dev.ksefplatform.commandapi.tenant.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** A tenant's secret API key: shown once at registration, stored only as {@link ApiKeyHash}. */
public record ApiKey(String value) {

    private static final String PREFIX = "ksef_";
    private static final int RANDOM_BYTES = 32;

    public static ApiKey generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKey(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public ApiKeyHash hash() {
        return ApiKeyHash.of(value);
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
