package dev.ksefplatform.simulator.fault;

/**
 * Fault injection settings; a new setting replaces the old one entirely.
 *
 * @param latencyMs        added to every /v2 response
 * @param errorRate        share (0..1) of /v2 calls answered with {@code errorStatus} instead
 * @param errorStatus      the 5xx status used, 503 when absent
 * @param htmlRate         share (0..1) of /v2 calls answered with an HTML page instead of JSON
 * @param htmlStatus       the status of the HTML page, 503 when absent
 * @param throttleRate     share (0..1) of /v2 calls answered 429 with {@code Retry-After} (a storm of rate limiting)
 * @param retryAfterSeconds the {@code Retry-After} of those answers, 1 when absent
 * @param stuckAt150       invoices wait in status 150 until the fault is lifted
 * @param rotatePublicKeys one-shot: replace both published keys now (old ids → 21470)
 * @param expireTokens     one-shot: every access token issued so far stops working (401)
 * @param seed             makes the random choices reproducible
 */
public record Faults(Long latencyMs, Double errorRate, Integer errorStatus, Double htmlRate, Integer htmlStatus,
                     Double throttleRate, Integer retryAfterSeconds, Boolean stuckAt150, Boolean rotatePublicKeys,
                     Boolean expireTokens, Long seed) {

    public static final Faults NONE = new Faults(0L, 0.0, 503, 0.0, 503, 0.0, 1, false, false, false, null);

    public Faults {
        latencyMs = latencyMs == null ? 0L : latencyMs;
        errorRate = errorRate == null ? 0.0 : errorRate;
        errorStatus = errorStatus == null ? 503 : errorStatus;
        htmlRate = htmlRate == null ? 0.0 : htmlRate;
        htmlStatus = htmlStatus == null ? 503 : htmlStatus;
        throttleRate = throttleRate == null ? 0.0 : throttleRate;
        retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
        stuckAt150 = Boolean.TRUE.equals(stuckAt150);
        rotatePublicKeys = Boolean.TRUE.equals(rotatePublicKeys);
        expireTokens = Boolean.TRUE.equals(expireTokens);
    }
}
