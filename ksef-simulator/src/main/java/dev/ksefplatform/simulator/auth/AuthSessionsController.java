package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.shared.StatusInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/auth/sessions}: the active authentication sessions of the caller's context, and their revocation. A
 * revoked session's refresh token stops working (21304); access tokens already issued work until they expire.
 */
@RestController
@RequestMapping("/v2/auth/sessions")
public class AuthSessionsController {

    private final Authentications authentications;
    private final BearerTokens bearer;
    private final Clock clock;

    AuthSessionsController(Authentications authentications, BearerTokens bearer, Clock clock) {
        this.authentications = authentications;
        this.bearer = bearer;
        this.clock = clock;
    }

    record Item(String referenceNumber, boolean isCurrent, Instant startDate, String authenticationMethod,
                Map<String, String> authenticationMethodInfo, StatusInfo status, Boolean isTokenRedeemed,
                Instant lastTokenRefreshDate, Instant refreshTokenValidUntil) {
    }

    record AuthenticationListResponse(String continuationToken, List<Item> items) {
    }

    /** Newest first; the continuation token is the Base64 of the next offset (21418 when malformed). */
    @GetMapping
    public AuthenticationListResponse list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                           @RequestHeader(name = "x-continuation-token", required = false) String next,
                                           @RequestParam(defaultValue = "10") int pageSize) {
        Caller caller = bearer.caller(auth);
        if (pageSize < 10 || pageSize > 100) {
            throw KsefException.validation("pageSize: wymagana wartość z zakresu 10-100.");
        }
        List<AuthOperation> sessions = authentications.sessions(caller);
        int from = Math.min(offset(next), sessions.size());
        int to = Math.min(sessions.size(), from + pageSize);
        Instant now = clock.instant();
        return new AuthenticationListResponse(to < sessions.size() ? token(to) : null, sessions.subList(from, to).stream()
                .map(op -> new Item(op.referenceNumber(), op.referenceNumber().equals(caller.authReference()),
                        op.startDate(), AuthMethods.name(op.login()), AuthMethods.info(op.login()), op.statusAt(now),
                        op.redeemed(), op.lastTokenRefreshDate(), op.refreshTokenValidUntil()))
                .toList());
    }

    /** With an access or a refresh token: revokes the session that token belongs to. */
    @DeleteMapping("/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeCurrent(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        authentications.revokeCurrent(auth);
    }

    @DeleteMapping("/{referenceNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                       @PathVariable String referenceNumber) {
        authentications.revoke(bearer.caller(auth), referenceNumber);
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(String continuationToken) {
        if (continuationToken == null || continuationToken.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(continuationToken), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new KsefException(21418, "Przekazany token kontynuacji ma nieprawidłowy format.");
        }
    }
}
