package dev.ksefplatform.credentials.integration.domain;

import java.time.Instant;

/**
 * When the integration's credential last served a lease (to the minute) and when the secret it logs in with was last
 * replaced; either is null when it never happened (or before they were recorded).
 */
public record IntegrationUsage(Instant lastUsedAt, Instant rotatedAt) {

    public static final IntegrationUsage NONE = new IntegrationUsage(null, null);

    IntegrationUsage rotated(Instant at) {
        return new IntegrationUsage(lastUsedAt, at);
    }
}
