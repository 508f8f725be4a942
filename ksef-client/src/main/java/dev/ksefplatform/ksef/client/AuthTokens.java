package dev.ksefplatform.ksef.client;

/** The tokens redeemed after a successful authentication. */
public record AuthTokens(TokenInfo accessToken, TokenInfo refreshToken, String authenticationReferenceNumber) {
}
