package dev.ksefplatform.ksef.client.auth;

import dev.ksefplatform.ksef.client.http.ContextDto;
import dev.ksefplatform.ksef.client.http.StatusDto;
import dev.ksefplatform.ksef.client.http.TokenDto;

/** Wire shapes of the {@code /auth} operations (only the fields this client reads). */
final class AuthDtos {

    private AuthDtos() {
    }

    record Challenge(String challenge, long timestampMs) {
    }

    record InitTokenAuthentication(String challenge, ContextDto contextIdentifier, String encryptedToken,
                                   String publicKeyId) {
        @Override
        public String toString() {
            return "InitTokenAuthentication[challenge=" + challenge + "]";
        }
    }

    record AuthenticationInit(String referenceNumber, TokenDto authenticationToken) {
    }

    record AuthenticationStatus(StatusDto status) {
    }

    record Tokens(TokenDto accessToken, TokenDto refreshToken) {
    }

    record Refreshed(TokenDto accessToken) {
    }
}
