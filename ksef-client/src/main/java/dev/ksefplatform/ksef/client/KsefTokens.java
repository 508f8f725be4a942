package dev.ksefplatform.ksef.client;

/** KSeF tokens issued in the authenticated context. */
public interface KsefTokens {

    KsefTokenInfo get(String accessToken, String tokenReferenceNumber);

    /**
     * {@code DELETE /tokens/{ref}}. With CredentialsManage any token of the context; otherwise a login made with a KSeF
     * token may revoke only that token, other logins the tokens their subject authored (403
     * {@code insufficient-resource-access} otherwise).
     */
    void revoke(String accessToken, String tokenReferenceNumber);
}
