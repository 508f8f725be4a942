package dev.ksefplatform.ksef.client;

/** KSeF authentication: KSeF-token and XAdES login, token refresh and session revocation. */
public interface KsefAuth {

    /**
     * Challenge, RSA-OAEP encryption of {@code "token|timestampMs"}, {@code POST /auth/ksef-token}, polling until the
     * authentication is final, then redeeming the tokens.
     *
     * @throws dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException if the final status is not 200
     */
    AuthTokens loginWithKsefToken(ContextIdentifier context, String ksefToken);

    /**
     * Challenge, an {@code AuthTokenRequest} signed enveloped XAdES-BES with {@code credential},
     * {@code POST /auth/xades-signature}, polling until the authentication is final, then redeeming the tokens. On TE a
     * self-signed certificate is accepted (see {@link TestCertificates}).
     *
     * @throws dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException if the final status is not 200
     *         (e.g. 460 certificate error)
     */
    AuthTokens loginWithXades(ContextIdentifier context, SubjectIdentifierType subjectType, XadesCredential credential);

    TokenInfo refresh(String refreshToken);

    void revokeCurrentSession(String accessOrRefreshToken);
}
