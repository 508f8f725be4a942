package dev.ksefplatform.credentials.session.application;

/** The access and refresh tokens of one KSeF authentication. */
public record SessionTokens(Token access, Token refresh) {
}
