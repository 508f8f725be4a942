package dev.ksefplatform.ksef.client;

import java.util.List;

/** The authentication sessions of the context (each one holds a refresh token). */
public interface KsefAuthSessions {

    /** Every page of {@code GET /auth/sessions}, newest first. */
    List<AuthSession> list(String accessToken);

    /** {@code DELETE /auth/sessions/{ref}}: its refresh token stops working; issued access tokens live until expiry. */
    void revoke(String accessToken, String referenceNumber);
}
