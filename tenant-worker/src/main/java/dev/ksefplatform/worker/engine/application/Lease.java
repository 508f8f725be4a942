package dev.ksefplatform.worker.engine.application;

import java.time.Instant;

/**
 * A short-lived KSeF access token for one context, and who it acts as: the integration account and the provider NIP
 * that authenticated (null where credential-service does not say yet).
 */
public record Lease(String leaseId, AccessToken accessToken, Instant validUntil, String integrationId,
                    String providerNip) {
}
