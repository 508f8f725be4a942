package dev.ksefplatform.simulator.auth;

import java.util.Map;

/** How an authentication shows its method: the deprecated {@code authenticationMethod} and its newer info object. */
final class AuthMethods {

    private static final Map<String, String> TOKEN = Map.of(
            "category", "Token", "code", "token.ksef", "displayName", "Token KSeF");
    private static final Map<String, String> XADES = Map.of(
            "category", "XadesSignature", "code", "xades.selfsigned",
            "displayName", "Podpis XAdES (certyfikat samodzielnie wygenerowany)");

    private AuthMethods() {
    }

    static String name(Login login) {
        return login.xades() ? "QualifiedSignature" : "Token";
    }

    static Map<String, String> info(Login login) {
        return login.xades() ? XADES : TOKEN;
    }
}
