package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.auth.AuthRequests.InitTokenAuthenticationRequest;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.shared.TokenInfo;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** {@code /v2/auth/...}: challenge, KSeF-token login, status, redeem, refresh. */
@RestController
@RequestMapping("/v2/auth")
public class AuthController {

    private final Authentications authentications;
    private final Clock clock;

    public AuthController(Authentications authentications, Clock clock) {
        this.authentications = authentications;
        this.clock = clock;
    }

    record ChallengeResponse(String challenge, Instant timestamp, long timestampMs, String clientIp) {
    }

    @PostMapping("/challenge")
    public ChallengeResponse challenge(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
        Challenge c = authentications.challenge(ip);
        return new ChallengeResponse(c.challenge(), c.timestamp(), c.timestampMs(), c.clientIp());
    }

    @PostMapping("/ksef-token")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Authentications.Started ksefToken(@RequestBody InitTokenAuthenticationRequest request) {
        return authentications.withKsefToken(request);
    }

    /**
     * TE accepts self-signed certificates; with {@code verifyCertificateChain=true} the chain must be
     * trusted, and the simulator trusts no CA, so such a login ends with status 460.
     */
    @PostMapping(path = "/xades-signature", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Authentications.Started xades(@RequestBody byte[] signedRequest,
                                         @RequestParam(required = false) Boolean verifyCertificateChain) {
        return authentications.withXades(signedRequest, Boolean.TRUE.equals(verifyCertificateChain));
    }

    record StatusResponse(Instant startDate, String authenticationMethod, Map<String, String> authenticationMethodInfo,
                          StatusInfo status, Boolean isTokenRedeemed, Instant lastTokenRefreshDate,
                          Instant refreshTokenValidUntil) {
    }

    @GetMapping("/{referenceNumber}")
    public StatusResponse status(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                 @PathVariable String referenceNumber) {
        AuthOperation op = authentications.status(authorization, referenceNumber);
        return new StatusResponse(op.startDate(), AuthMethods.name(op.login()), AuthMethods.info(op.login()),
                op.statusAt(clock.instant()),
                op.redeemed(), op.lastTokenRefreshDate(), op.refreshTokenValidUntil());
    }

    @PostMapping("/token/redeem")
    public Authentications.Tokens redeem(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return authentications.redeem(authorization);
    }

    record RefreshResponse(TokenInfo accessToken) {
    }

    @PostMapping("/token/refresh")
    public RefreshResponse refresh(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return new RefreshResponse(authentications.refresh(authorization));
    }
}
