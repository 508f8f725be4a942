package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** One page of a session UPO, downloadable without a token until the URL expires. */
public record UpoPage(String referenceNumber, String downloadUrl, Instant downloadUrlExpirationDate) {
}
