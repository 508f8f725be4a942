package dev.ksefplatform.ksef.client;

/** The API rate limits in force for the authenticated context and this IP. */
public interface KsefLimits {

    /** {@code GET /rate-limits}. */
    RateLimits rateLimits(String accessToken);
}
