package dev.ksefplatform.ksef.client;

/** KSeF authentication: KSeF-token login, token refresh and session revocation. */
public interface KsefAuth {

    /**
     * Challenge, RSA-OAEP encryption of {@code "token|timestampMs"}, {@code POST /auth/ksef-token}, polling until the
     * authentication is final, then redeeming the tokens.
     *
     * @throws dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException if the final status is not 200
     */
    AuthTokens loginWithKsefToken(ContextIdentifier context, String ksefToken);

    TokenInfo refresh(String refreshToken);

    void revokeCurrentSession(String accessOrRefreshToken);
}
