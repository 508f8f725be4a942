package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.integration.domain.KsefTokenGrant;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import dev.ksefplatform.credentials.session.application.KsefCredentialRejected;
import dev.ksefplatform.credentials.session.application.KsefLogin;
import dev.ksefplatform.credentials.session.application.KsefSessionExpired;
import dev.ksefplatform.credentials.session.application.KsefUnavailable;
import dev.ksefplatform.credentials.session.application.SessionTokens;
import dev.ksefplatform.credentials.session.application.Token;
import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefTokenInfo;
import dev.ksefplatform.ksef.client.PersonalGrant;
import dev.ksefplatform.ksef.client.SubjectIdentifierType;
import dev.ksefplatform.ksef.client.TokenInfo;
import dev.ksefplatform.ksef.client.XadesCredential;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.error.KsefException;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link KsefLogin} over the platform's ksef-client library. */
public final class ClientKsefLogin implements KsefLogin {

    /** Authentication status for an unknown, inactive or revoked KSeF token. */
    private static final int TOKEN_INACTIVE = 450;

    private final KsefClients clients;

    public ClientKsefLogin(KsefClients clients) {
        this.clients = clients;
    }

    @Override
    public SessionTokens login(String environment, String contextNip, KsefCredential credential) {
        return clients.inContext(environment, contextNip, () -> loginInScope(environment, contextNip, credential));
    }

    private SessionTokens loginInScope(String environment, String contextNip, KsefCredential credential) {
        try {
            if (credential instanceof KsefCredential.Certificate certificate) {
                return loginWithCertificate(environment, contextNip, certificate);
            }
            return loginWithKsefToken(environment, contextNip, ((KsefCredential.KsefToken) credential).token());
        } finally {
            credential.destroy();
        }
    }

    private SessionTokens loginWithKsefToken(String environment, String contextNip, String ksefToken) {
        try {
            return tokens(clients.forEnvironment(environment).auth()
                    .loginWithKsefToken(ContextIdentifier.nip(contextNip), ksefToken));
        } catch (KsefAuthenticationFailedException e) {
            throw authenticationFailed("KSeF token", contextNip, e, e.statusCode() == TOKEN_INACTIVE);
        } catch (KsefException e) {
            throw translate("login", e);
        }
    }

    /** XAdES login; the certificate must name the subject (NIP or PESEL) KSeF knows. */
    private SessionTokens loginWithCertificate(String environment, String contextNip,
                                               KsefCredential.Certificate certificate) {
        XadesCredential signer = signer(contextNip, certificate);
        try {
            return tokens(clients.forEnvironment(environment).auth().loginWithXades(ContextIdentifier.nip(contextNip),
                    SubjectIdentifierType.CERTIFICATE_SUBJECT, signer));
        } catch (KsefAuthenticationFailedException e) {
            throw authenticationFailed("certificate", contextNip, e, false);
        } catch (KsefException e) {
            throw translate("XAdES login", e);
        }
    }

    private static XadesCredential signer(String contextNip, KsefCredential.Certificate certificate) {
        try {
            return XadesCredential.fromPkcs12(new ByteArrayInputStream(certificate.pkcs12()), certificate.password());
        } catch (RuntimeException e) {
            throw new KsefCredentialRejected("the stored PKCS#12 bundle for context " + contextNip
                    + " cannot be opened (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private static RuntimeException authenticationFailed(String what, String contextNip,
                                                         KsefAuthenticationFailedException e, boolean tokenInactive) {
        if (e.retryable()) {
            return new KsefUnavailable("KSeF cancelled the authentication (" + e.statusCode() + ")", e);
        }
        String message = "KSeF refused the " + what + " for context " + contextNip + ": " + e.statusCode() + " "
                + e.description();
        return tokenInactive ? KsefCredentialRejected.tokenInactive(message, e) : new KsefCredentialRejected(message, e);
    }

    private static SessionTokens tokens(AuthTokens tokens) {
        return new SessionTokens(token(tokens.accessToken()), token(tokens.refreshToken()),
                tokens.authenticationReferenceNumber());
    }

    @Override
    public Token refresh(String environment, String contextNip, Token refreshToken) {
        try {
            return token(clients.inContext(environment, contextNip,
                    () -> clients.forEnvironment(environment).auth().refresh(refreshToken.value())));
        } catch (KsefException e) {
            int status = e.httpStatus().orElse(0);
            if (status == 400 || status == 401) {
                throw new KsefSessionExpired("KSeF refused the refresh token (" + status + ")", e);
            }
            throw translate("refresh", e);
        }
    }

    @Override
    public KsefTokenGrant tokenGrant(String environment, String contextNip, String accessToken,
                                     String tokenReferenceNumber) {
        try {
            KsefTokenInfo info = clients.inContext(environment, contextNip,
                    () -> clients.forEnvironment(environment).tokens().get(accessToken, tokenReferenceNumber));
            String context = info.context() == null ? null : info.context().value();
            return new KsefTokenGrant(info.status(), Set.copyOf(info.requestedPermissions()), context);
        } catch (KsefException e) {
            throw translate("token status", e);
        }
    }

    @Override
    public Set<String> personalGrants(String environment, String accessToken, String contextNip) {
        try {
            return clients.inContext(environment, contextNip, () -> clients.forEnvironment(environment).permissions()
                            .personalGrants(accessToken)).stream()
                    .filter(grant -> grant.context() == null || contextNip.equals(grant.context().value()))
                    .map(PersonalGrant::permissionScope)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (KsefException e) {
            throw translate("permission query", e);
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
