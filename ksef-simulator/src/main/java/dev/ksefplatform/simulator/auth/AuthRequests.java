package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.error.KsefException;
import java.util.Base64;
import java.util.Set;

/** Request bodies of the auth endpoints, with the spec's input validation (21405). */
final class AuthRequests {

    private static final Set<String> CONTEXT_TYPES = Set.of("Nip", "InternalId", "NipVatUe", "PeppolId");

    private AuthRequests() {
    }

    record ContextIdentifier(String type, String value) {
    }

    record InitTokenAuthenticationRequest(String challenge, ContextIdentifier contextIdentifier,
                                          String encryptedToken, String publicKeyId, Object authorizationPolicy) {

        byte[] validatedToken() {
            require(challenge != null && challenge.length() == 36, "challenge: wymagane 36 znaków.");
            require(contextIdentifier != null && CONTEXT_TYPES.contains(contextIdentifier.type())
                    && contextIdentifier.value() != null, "contextIdentifier: nieprawidłowy identyfikator.");
            require(publicKeyId == null || publicKeyId.length() == 44, "publicKeyId: wymagane 44 znaki.");
            return base64(encryptedToken, "encryptedToken");
        }
    }

    static byte[] base64(String value, String field) {
        require(value != null && !value.isEmpty(), field + ": pole wymagane.");
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw KsefException.validation(field + ": nieprawidłowe kodowanie Base64.");
        }
    }

    static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
