package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.auth.AuthRequests.InitTokenAuthenticationRequest;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.keys.KeyUsage;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.shared.TokenInfo;
import dev.ksefplatform.simulator.tokens.KsefToken;
import dev.ksefplatform.simulator.tokens.KsefTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The authentication flow: challenge, KSeF-token login, status, redeem and refresh. */
public final class Authentications {

    private static final String BAD_TOKEN = "Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu";

    private final Challenges challenges;
    private final KeyRing keys;
    private final KsefTokens ksefTokens;
    private final BearerTokens bearer;
    private final ReferenceNumbers references;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final XadesLogins xades;
    private final SubjectPermissions permissions;
    private final Map<String, AuthOperation> operations = new ConcurrentHashMap<>();

    Authentications(Challenges challenges, KeyRing keys, KsefTokens ksefTokens, BearerTokens bearer,
                    ReferenceNumbers references, SimulatorProperties properties, Clock clock, XadesLogins xades,
                    SubjectPermissions permissions) {
        this.xades = xades;
        this.permissions = permissions;
        this.challenges = challenges;
        this.keys = keys;
        this.ksefTokens = ksefTokens;
        this.bearer = bearer;
        this.references = references;
        this.properties = properties;
        this.clock = clock;
    }

    Challenge challenge(String clientIp) {
        return challenges.issue(clientIp);
    }

    record Started(String referenceNumber, TokenInfo authenticationToken) {
    }

    Started withKsefToken(InitTokenAuthenticationRequest request) {
        byte[] encrypted = request.validatedToken();
        Challenge challenge = challenges.consume(request.challenge())
                .orElseThrow(() -> new KsefException(21111, "Nieprawidłowe wyzwanie autoryzacyjne."));
        Optional<String> plain = decrypt(request.publicKeyId(), encrypted);
        AuthOperation operation = decide(plain, challenge, request.contextIdentifier());
        operations.put(operation.referenceNumber(), operation);
        return new Started(operation.referenceNumber(), bearer.operationToken(operation));
    }

    Started withXades(byte[] signedRequest, boolean verifyCertificateChain) {
        SignedAuthRequest request = xades.verify(signedRequest);
        challenges.consume(request.challenge())
                .orElseThrow(() -> new KsefException(21111, "Nieprawidłowe wyzwanie autoryzacyjne."));
        XadesLogins.Outcome outcome = xades.decide(request, verifyCertificateChain);
        Login login = new Login(Login.XADES, outcome.subject().type(), outcome.subject().value(),
                request.documentHash());
        AuthOperation operation = operation(login, null, request.contextValue(),
                outcome.permissions(), outcome.status());
        operations.put(operation.referenceNumber(), operation);
        return new Started(operation.referenceNumber(), bearer.operationToken(operation));
    }

    AuthOperation status(String authorization, String referenceNumber) {
        String own = bearer.authReference(authorization, BearerTokens.OPERATION);
        AuthOperation operation = operations.get(referenceNumber);
        if (operation == null || !referenceNumber.equals(own)) {
            throw notFound(referenceNumber);
        }
        return operation;
    }

    record Tokens(TokenInfo accessToken, TokenInfo refreshToken) {
    }

    Tokens redeem(String authorization) {
        String reference = bearer.authReference(authorization, BearerTokens.OPERATION);
        Instant now = clock.instant();
        AuthOperation redeemed = operations.compute(reference, (ref, operation) -> {
            if (operation == null) {
                throw notFound(ref);
            }
            if (operation.redeemed()) {
                throw unauthorised("Tokeny dla operacji uwierzytelniania " + ref + " zostały już pobrane.");
            }
            if (!operation.succeededAt(now)) {
                throw unauthorised("Status uwierzytelniania (" + operation.statusAt(now).code()
                        + ") nie pozwala na pobranie tokenów.");
            }
            requireActiveToken(operation);
            return operation.redeemedUntil(now.plus(properties.refreshTokenTtl()));
        });
        return new Tokens(bearer.accessToken(redeemed), bearer.refreshToken(redeemed));
    }

    TokenInfo refresh(String authorization) {
        String reference = bearer.authReference(authorization, BearerTokens.REFRESH);
        AuthOperation operation = operations.get(reference);
        if (operation == null) {
            throw notFound(reference);
        }
        if (operation.revoked()) {
            throw new KsefException(21304, "Brak uwierzytelnienia.", "Nieprawidłowy token."); // as TE answers
        }
        requireActiveToken(operation);
        List<String> held = currentPermissions(operation);
        if (held.isEmpty()) {
            throw unauthorised("Brak przypisanych uprawnień w kontekście.");
        }
        operations.computeIfPresent(reference, (ref, op) -> op.refreshedAt(clock.instant()));
        return bearer.accessToken(operation.withPermissions(held));
    }

    /** What a refreshed access token carries: the permissions its subject holds now (of its KSeF token's, if any). */
    private List<String> currentPermissions(AuthOperation operation) {
        Login login = operation.login();
        if (login.xades()) {
            return permissions.of(operation.contextNip(), login.subjectType(), login.subjectValue());
        }
        List<String> lent = ksefTokens.byReference(operation.tokenReference()).map(KsefToken::permissions)
                .orElse(List.of());
        return permissions.held(operation.contextNip(), login.subjectType(), login.subjectValue(), lent);
    }

    /** The active authentication sessions of the caller's context, newest first. */
    List<AuthOperation> sessions(Caller caller) {
        Instant now = clock.instant();
        return operations.values().stream()
                .filter(op -> caller.contextNip().equals(op.contextNip()) && op.activeAt(now))
                .sorted(Comparator.comparing(AuthOperation::startDate).reversed()
                        .thenComparing(AuthOperation::referenceNumber))
                .toList();
    }

    /** The session of the token used (access or refresh token) stops its refresh token; access tokens live on. */
    void revokeCurrent(String authorization) {
        operations.computeIfPresent(bearer.authReference(authorization, BearerTokens.ACCESS, BearerTokens.REFRESH),
                (ref, op) -> op.revokedNow());
    }

    /** A session of the caller's context; 21405 for any other reference. */
    void revoke(Caller caller, String referenceNumber) {
        AuthOperation revoked = operations.computeIfPresent(referenceNumber,
                (ref, op) -> caller.contextNip().equals(op.contextNip()) ? op.revokedNow() : op);
        if (revoked == null || !revoked.revoked()) {
            throw KsefException.validation("Sesja uwierzytelnienia o numerze referencyjnym " + referenceNumber
                    + " nie została znaleziona.");
        }
    }

    private void requireActiveToken(AuthOperation operation) {
        if (operation.login().xades()) {
            return;
        }
        boolean active = ksefTokens.byReference(operation.tokenReference()).map(KsefToken::active).orElse(false);
        if (!active) {
            throw unauthorised("Token KSeF został unieważniony.");
        }
    }

    private Optional<String> decrypt(String publicKeyId, byte[] encrypted) {
        try {
            return Optional.of(new String(keys.decrypt(KeyUsage.KsefTokenEncryption, publicKeyId, encrypted),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // not made for our key: the token is invalid, reported as status 450
        }
    }

    private AuthOperation decide(Optional<String> plain, Challenge challenge,
                                 AuthRequests.ContextIdentifier context) {
        int bar = plain.map(p -> p.lastIndexOf('|')).orElse(-1);
        Optional<KsefToken> token = bar < 0 ? Optional.empty() : ksefTokens.bySecret(plain.get().substring(0, bar));
        if (token.isEmpty()) {
            return operation(Login.token("Nip", context.value()), null, null, List.of(),
                    StatusInfo.of(450, BAD_TOKEN, "Nieprawidłowy token"));
        }
        KsefToken found = token.get();
        ksefTokens.used(found.referenceNumber());
        List<String> held = permissions.held(found.contextNip(), found.authorType(), found.authorValue(),
                found.permissions());
        return operation(Login.token(found.authorType(), found.authorValue()), found.referenceNumber(),
                context.value(), held, verdict(found, held, plain.get().substring(bar + 1), challenge, context));
    }

    /** 450 for a bad or unusable token; 415 when its context differs or its author no longer holds any of its permissions. */
    private StatusInfo verdict(KsefToken token, List<String> held, String timestamp, Challenge challenge,
                               AuthRequests.ContextIdentifier context) {
        if (!String.valueOf(challenge.timestampMs()).equals(timestamp)) {
            return StatusInfo.of(450, BAD_TOKEN, "Nieprawidłowy czas tokena");
        }
        if ("Revoked".equals(token.status())) {
            return StatusInfo.of(450, BAD_TOKEN, "Token unieważniony");
        }
        if (!token.active()) {
            return StatusInfo.of(450, BAD_TOKEN, "Token nieaktywny");
        }
        if (!"Nip".equals(context.type()) || !token.contextNip().equals(context.value()) || held.isEmpty()) {
            return StatusInfo.of(415, "Uwierzytelnianie zakończone niepowodzeniem", "Brak przypisanych uprawnień");
        }
        return StatusInfo.of(200, "Uwierzytelnianie zakończone sukcesem");
    }

    private AuthOperation operation(Login login, String tokenReference, String contextNip, List<String> permissions,
                                    StatusInfo outcome) {
        Instant now = clock.instant();
        return new AuthOperation(references.next("AU"), now, now.plus(properties.authDelay()), contextNip,
                permissions, login, tokenReference, outcome, false, null, null, false);
    }

    private static KsefException notFound(String reference) {
        return new KsefException(21304, "Brak uwierzytelnienia.", "Operacja uwierzytelniania o numerze referencyjnym "
                + reference + " nie została znaleziona.");
    }

    private static KsefException unauthorised(String detail) {
        return new KsefException(21301, "Brak autoryzacji.", detail);
    }
}
