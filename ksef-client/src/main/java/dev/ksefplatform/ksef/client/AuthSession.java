package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** One authentication session. */
public record AuthSession(String referenceNumber, boolean current, Instant startDate, int statusCode,
                          String statusDescription, Boolean tokenRedeemed, Instant refreshTokenValidUntil) {
}
