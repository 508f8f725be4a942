package dev.ksefplatform.credentials.session.application;

/**
 * The access and refresh tokens of one KSeF authentication, and that authentication's reference
 * number ({@code null} if unknown), which names its session in {@code /auth/sessions}.
 */
public record SessionTokens(Token access, Token refresh, String authReference) {

    public SessionTokens(Token access, Token refresh) {
        this(access, refresh, null);
    }

    /** The same session with a refreshed access token. */
    public SessionTokens withAccess(Token refreshedAccess) {
        return new SessionTokens(refreshedAccess, refresh, authReference);
    }
}
