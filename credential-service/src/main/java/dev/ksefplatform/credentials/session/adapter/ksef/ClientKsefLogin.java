package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.session.application.KsefSessionExpired;
import dev.ksefplatform.credentials.session.application.KsefUnavailable;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import dev.ksefplatform.credentials.session.application.Token;
import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefTokenInfo;
import dev.ksefplatform.ksef.client.TokenInfo;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.error.KsefException;
import java.util.Set;

/** {@link KsefLogin} over the platform's ksef-client library. */
public final class ClientKsefLogin implements KsefLogin {

    private final KsefClients clients;

    public ClientKsefLogin(KsefClients clients) {
        this.clients = clients;
    }

    @Override
    public SessionTokens loginWithKsefToken(String environment, String contextNip, String ksefToken) {
        try {
            AuthTokens tokens = clients.forEnvironment(environment).auth()
                    .loginWithKsefToken(ContextIdentifier.nip(contextNip), ksefToken);
            return new SessionTokens(token(tokens.accessToken()), token(tokens.refreshToken()));
        } catch (KsefAuthenticationFailedException e) {
            if (e.retryable()) {
                throw new KsefUnavailable("KSeF cancelled the authentication (" + e.statusCode() + ")", e);
            }
            throw new KsefCredentialRejected("KSeF refused the KSeF token for context " + contextNip + ": "
                    + e.statusCode() + " " + e.description(), e);
        } catch (KsefException e) {
            throw translate("login", e);
        }
    }

    @Override
    public Token refresh(String environment, Token refreshToken) {
        try {
            return token(clients.forEnvironment(environment).auth().refresh(refreshToken.value()));
        } catch (KsefException e) {
            int status = e.httpStatus().orElse(0);
            if (status == 400 || status == 401) {
                throw new KsefSessionExpired("KSeF refused the refresh token (" + status + ")", e);
            }
            throw translate("refresh", e);
        }
    }

    @Override
    public KsefTokenGrant tokenGrant(String environment, String accessToken, String tokenReferenceNumber) {
        try {
            KsefTokenInfo info = clients.forEnvironment(environment).tokens().get(accessToken, tokenReferenceNumber);
            String context = info.context() == null ? null : info.context().value();
            return new KsefTokenGrant(info.status(), Set.copyOf(info.requestedPermissions()), context);
        } catch (KsefException e) {
            throw translate("token status", e);
        }
    }

    private static Token token(TokenInfo info) {
        return new Token(info.token(), info.validUntil());
    }

    private static RuntimeException translate(String operation, KsefException e) {
        if (e.retryable()) {
            return new KsefUnavailable("KSeF " + operation + " failed transiently: " + e.getMessage(), e);
        }
        return new KsefCredentialRejected("KSeF " + operation + " was refused: " + e.getMessage(), e);
    }
}
