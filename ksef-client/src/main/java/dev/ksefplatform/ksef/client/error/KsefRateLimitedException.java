package dev.ksefplatform.ksef.client.error;

import java.time.Duration;

/** 429: wait {@link #retryAfter()} before calling again. */
public class KsefRateLimitedException extends KsefException {

    private final Duration retryAfter;

    public KsefRateLimitedException(Duration retryAfter) {
        super("KSeF rate limit exceeded, retry after " + retryAfter.toSeconds() + " s", 429, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
