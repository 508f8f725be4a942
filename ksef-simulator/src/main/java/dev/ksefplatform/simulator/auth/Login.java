package dev.ksefplatform.simulator.auth;

/**
 * How a caller logged in and who it is.
 *
 * @param method           {@code Token} or {@code XadesSignature} (the spec's AuthenticationMethod)
 * @param subjectType      {@code Nip}, {@code Pesel} or {@code Fingerprint}
 * @param authDocumentHash SHA-256 (Base64) of the signed AuthTokenRequest, {@code null} for a token login
 */
public record Login(String method, String subjectType, String subjectValue, String authDocumentHash) {

    public static final String TOKEN = "Token";
    public static final String XADES = "XadesSignature";

    /** A KSeF-token login acts as the token's author (who lends the token its permissions). */
    static Login token(String authorType, String authorValue) {
        return new Login(TOKEN, authorType, authorValue, null);
    }

    public boolean xades() {
        return XADES.equals(method);
    }
}
