package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;

/**
 * The vault's view of KSeF authentication. Blocking; call it off the event loop.
 *
 * @see KsefUnavailable retryable failures
 * @see KsefCredentialRejected KSeF refused the credential
 * @see KsefSessionExpired a refresh token no longer works
 */
public interface KsefLogin {

    SessionTokens loginWithKsefToken(String environment, String contextNip, String ksefToken);

    Token refresh(String environment, Token refreshToken);

    KsefTokenGrant tokenGrant(String environment, String accessToken, String tokenReferenceNumber);
}
