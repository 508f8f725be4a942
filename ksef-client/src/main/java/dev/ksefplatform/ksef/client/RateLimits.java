package dev.ksefplatform.ksef.client;

import java.util.Map;
import java.util.Optional;

/** Limits per KSeF endpoint group ({@code onlineSession}, {@code invoiceSend}, {@code invoiceStatus}, ...). */
public record RateLimits(Map<String, Limit> byGroup) {

    public record Limit(int perSecond, int perMinute, int perHour) {
    }

    public RateLimits {
        byGroup = Map.copyOf(byGroup);
    }

    public Optional<Limit> group(String name) {
        return Optional.ofNullable(byGroup.get(name));
    }
}
