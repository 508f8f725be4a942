package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.shared.StatusInfo;
import java.time.Instant;
import java.util.List;

/**
 * One authentication: its outcome is decided at once but shown as 100 until {@code revealAt}.
 *
 * @param login          how and as whom the caller logged in
 * @param tokenReference the KSeF token used, {@code null} when it was unknown or for a XAdES login
 */
record AuthOperation(String referenceNumber, Instant startDate, Instant revealAt, String contextNip,
                     List<String> permissions, Login login, String tokenReference, StatusInfo outcome,
                     boolean redeemed, Instant lastTokenRefreshDate, Instant refreshTokenValidUntil) {

    static final StatusInfo IN_PROGRESS = StatusInfo.of(100, "Uwierzytelnianie w toku");

    StatusInfo statusAt(Instant now) {
        return now.isBefore(revealAt) ? IN_PROGRESS : outcome;
    }

    boolean succeededAt(Instant now) {
        return statusAt(now).code() == 200;
    }

    AuthOperation redeemedUntil(Instant refreshValidUntil) {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, permissions, login, tokenReference,
                outcome, true, lastTokenRefreshDate, refreshValidUntil);
    }

    AuthOperation refreshedAt(Instant now) {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, permissions, login, tokenReference,
                outcome, redeemed, now, refreshTokenValidUntil);
    }
}
