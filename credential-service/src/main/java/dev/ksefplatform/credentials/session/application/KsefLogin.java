package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import java.util.Set;

/**
 * The vault's view of KSeF authentication. Blocking; call it off the event loop.
 *
 * @see KsefUnavailable retryable failures
 * @see KsefCredentialRejected KSeF refused the credential
 * @see KsefSessionExpired a refresh token no longer works
 */
public interface KsefLogin {

    /** A KSeF-token login, or an XAdES login signed with a certificate credential (whose bytes are zeroed after use). */
    SessionTokens login(String environment, String contextNip, KsefCredential credential);

    Token refresh(String environment, String contextNip, Token refreshToken);

    KsefTokenGrant tokenGrant(String environment, String contextNip, String accessToken, String tokenReferenceNumber);

    /** The permissions the authenticated subject holds in {@code contextNip} ({@code /permissions/query/personal/grants}). */
    Set<String> personalGrants(String environment, String accessToken, String contextNip);
}
