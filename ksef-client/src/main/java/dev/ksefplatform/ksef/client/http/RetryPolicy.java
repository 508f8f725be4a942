package dev.ksefplatform.ksef.client.http;

import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import java.time.Duration;
import java.util.Optional;

/**
 * Bounded exponential backoff. A Retry-After longer than {@code maxRetryAfter} is handed to the caller instead of
 * blocking a thread for minutes.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** The wait before retry number {@code retry} (1-based), or empty when the failure must be thrown. */
    public Optional<Duration> delayBefore(int retry, KsefException failure, boolean idempotent) {
        if (retry > maxRetries || !failure.retryable()) {
            return Optional.empty();
        }
        if (failure instanceof KsefRateLimitedException limited) {
            return limited.retryAfter().compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(limited.retryAfter());
        }
        return idempotent ? Optional.of(backoff(retry)) : Optional.empty();
    }

    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
