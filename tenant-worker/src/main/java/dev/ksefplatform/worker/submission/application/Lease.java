package dev.ksefplatform.worker.submission.application;

import java.time.Instant;

/** A KSeF access token lent for one context, until {@code validUntil}. */
public record Lease(String leaseId, AccessToken accessToken, Instant validUntil) {
}
