package dev.ksefplatform.ksef.client;

/** KSeF tokens issued in the authenticated context. */
public interface KsefTokens {

    KsefTokenInfo get(String accessToken, String tokenReferenceNumber);
}
