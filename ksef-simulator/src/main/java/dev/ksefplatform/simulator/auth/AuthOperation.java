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
                     boolean redeemed, Instant lastTokenRefreshDate, Instant refreshTokenValidUntil, boolean revoked) {

    static final StatusInfo IN_PROGRESS = StatusInfo.of(100, "Uwierzytelnianie w toku");
    static final StatusInfo REVOKED = StatusInfo.of(425, "Uwierzytelnienie unieważnione",
            "Uwierzytelnienie i powiązane refresh tokeny zostały unieważnione przez użytkownika");

    StatusInfo statusAt(Instant now) {
        if (revoked) {
            return REVOKED;
        }
        return now.isBefore(revealAt) ? IN_PROGRESS : outcome;
    }

    /** Listed by {@code GET /auth/sessions}: under way or succeeded, not revoked, its refresh token still valid. */
    boolean activeAt(Instant now) {
        int code = statusAt(now).code();
        return (code == 100 || code == 200) && (refreshTokenValidUntil == null || now.isBefore(refreshTokenValidUntil));
    }

    /** The same authentication with the permissions its subject holds now (a refresh carries the current ones). */
    AuthOperation withPermissions(List<String> current) {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, current, login, tokenReference,
                outcome, redeemed, lastTokenRefreshDate, refreshTokenValidUntil, revoked);
    }

    AuthOperation revokedNow() {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, permissions, login, tokenReference,
                outcome, redeemed, lastTokenRefreshDate, refreshTokenValidUntil, true);
    }

    boolean succeededAt(Instant now) {
        return statusAt(now).code() == 200;
    }

    AuthOperation redeemedUntil(Instant refreshValidUntil) {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, permissions, login, tokenReference,
                outcome, true, lastTokenRefreshDate, refreshValidUntil, revoked);
    }

    AuthOperation refreshedAt(Instant now) {
        return new AuthOperation(referenceNumber, startDate, revealAt, contextNip, permissions, login, tokenReference,
                outcome, redeemed, now, refreshTokenValidUntil, revoked);
    }
}
