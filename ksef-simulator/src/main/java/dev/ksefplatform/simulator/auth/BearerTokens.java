package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.error.MissingPermissions;
import dev.ksefplatform.simulator.error.Unauthorized;
import dev.ksefplatform.simulator.jwt.JwtCodec;
import dev.ksefplatform.simulator.shared.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issues the three JWT kinds KSeF uses and checks the bearer token of each call. */
public final class BearerTokens {

    static final String OPERATION = "OperationToken";
    static final String ACCESS = "ContextToken";
    static final String REFRESH = "RefreshToken";
    private static final Duration OPERATION_TTL = Duration.ofMinutes(45);
    private static final String ISSUER = "ksef-api-ti";

    private final JwtCodec jwt;
    private final SimulatorProperties properties;
    private final SubjectPermissions current;
    private final Clock clock;
    private volatile long accessTokensValidFromMillis;

    public BearerTokens(JwtCodec jwt, SimulatorProperties properties, SubjectPermissions current, Clock clock) {
        this.jwt = jwt;
        this.properties = properties;
        this.current = current;
        this.clock = clock;
    }

    TokenInfo operationToken(AuthOperation operation) {
        return issue(OPERATION, operation, OPERATION_TTL);
    }

    TokenInfo accessToken(AuthOperation operation) {
        return issue(ACCESS, operation, properties.accessTokenTtl());
    }

    TokenInfo refreshToken(AuthOperation operation) {
        return issue(REFRESH, operation, properties.refreshTokenTtl());
    }

    /** The authentication reference of a valid token of one of {@code types}; 401 otherwise. */
    String authReference(String authorization, String... types) {
        return (String) claims(authorization, types).get("operation-reference-number");
    }

    /**
     * The caller of a protected endpoint, who must hold one of {@code anyOf} (when given). Its permissions are those
     * of its token that its subject still holds: a permission revoked since the token was issued is missing (403).
     */
    public Caller caller(String authorization, String... anyOf) {
        Map<String, Object> claims = claims(authorization, ACCESS);
        Login login = new Login((String) claims.get("authentication-method"), (String) claims.get("subject-type"),
                (String) claims.get("subject-value"), (String) claims.get("auth-document-hash"));
        String context = (String) claims.get("context-identifier-value");
        @SuppressWarnings("unchecked")
        List<String> issued = (List<String>) claims.get("permissions");
        List<String> permissions = current.held(context, login.subjectType(), login.subjectValue(), issued);
        if (anyOf.length > 0 && permissions.stream().noneMatch(Arrays.asList(anyOf)::contains)) {
            throw new MissingPermissions(List.of(anyOf), permissions);
        }
        return new Caller(context, permissions,
                (String) claims.get("operation-reference-number"), (String) claims.get("token-reference-number"), login);
    }

    /** Fault injection: access tokens issued until now are refused from now on (refresh tokens still work). */
    public void expireAccessTokensIssuedSoFar() {
        accessTokensValidFromMillis = clock.millis() + 1;
    }

    /** True when the header carries a JWT of ours that has not expired, of any type. */
    boolean verifies(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && jwt.verify(authorization.substring("Bearer ".length()).trim()).isPresent();
    }

    /** The context of a valid access token, for counting rate limits; never fails. */
    public java.util.Optional<String> contextOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return java.util.Optional.empty();
        }
        return jwt.verify(authorization.substring("Bearer ".length()).trim())
                .map(claims -> (String) claims.get("context-identifier-value"));
    }

    private Map<String, Object> claims(String authorization, String... types) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Unauthorized("Brak tokena dostępowego.");
        }
        Map<String, Object> claims = jwt.verify(authorization.substring("Bearer ".length()).trim())
                .orElseThrow(() -> new Unauthorized("Token jest nieprawidłowy lub wygasł."));
        if (!Arrays.asList(types).contains(claims.get("token-type"))) {
            throw new Unauthorized("Nieprawidłowy typ tokena.");
        }
        if (ACCESS.equals(claims.get("token-type"))
                && ((Number) claims.get("iat-ms")).longValue() < accessTokensValidFromMillis) {
            throw new Unauthorized("Token jest nieprawidłowy lub wygasł.");
        }
        return claims;
    }

    private TokenInfo issue(String type, AuthOperation operation, Duration ttl) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token-type", type);
        claims.put("operation-reference-number", operation.referenceNumber());
        if (!OPERATION.equals(type)) {
            claims.put("context-identifier-type", "Nip");
            claims.put("context-identifier-value", operation.contextNip());
            Login login = operation.login();
            claims.put("authentication-method", login.method());
            claims.put("subject-details", "{\"SubjectIdentifier\":{\"Type\":\"" + login.subjectType()
                    + "\",\"Value\":\"" + login.subjectValue() + "\"}}");
            claims.put("subject-type", login.subjectType());
            claims.put("subject-value", login.subjectValue());
            claims.put("auth-document-hash", login.authDocumentHash());
            claims.put("permissions", operation.permissions());
            claims.put("token-reference-number", operation.tokenReference());
        }
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("exp", until.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("iat-ms", now.toEpochMilli());
        claims.put("iss", ISSUER);
        claims.put("aud", ISSUER);
        return new TokenInfo(jwt.sign(claims), until);
    }
}
