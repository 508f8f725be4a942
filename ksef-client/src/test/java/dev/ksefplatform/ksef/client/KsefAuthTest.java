package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import dev.ksefplatform.ksef.client.support.MfTestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KsefAuthTest extends KsefWireMock {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KSEF_TOKEN = "20251010-EC-1DCE3E3000-12ECB5B36E-45|nip-5265877635|919f70aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";
    static final String CHALLENGE = "20250514-CR-226FB7B000-3ACF9BE4C0-10";
    static final long TIMESTAMP_MS = 1747231719123L;
    static final String AUTH_REF = "20250514-AU-2DFC46C000-3AC6D5877F-D4";
    static final String AUTH_TOKEN = "eyJ.authentication-token.sig";
    static final ContextIdentifier CONTEXT = ContextIdentifier.nip("5265877635");

    @BeforeEach
    void givenKsefIssuesChallengesAndTokens() {
        publishMfKeys();
        KSEF.stubFor(post(urlEqualTo("/v2/auth/challenge")).willReturn(json(200, """
                {"challenge":"%s","timestamp":"2025-05-14T13:35:19.123+00:00","timestampMs":%d,"clientIp":"127.0.0.1"}"""
                .formatted(CHALLENGE, TIMESTAMP_MS))));
        KSEF.stubFor(post(urlEqualTo("/v2/auth/ksef-token")).willReturn(json(202, """
                {"referenceNumber":"%s","authenticationToken":{"token":"%s","validUntil":"2025-05-14T14:20:19+00:00"}}"""
                .formatted(AUTH_REF, AUTH_TOKEN))));
        KSEF.stubFor(post(urlEqualTo("/v2/auth/token/redeem")).willReturn(json(200, """
                {"accessToken":{"token":"access-jwt","validUntil":"2025-05-14T13:50:19.0154302+00:00"},
                 "refreshToken":{"token":"refresh-jwt","validUntil":"2025-05-21T13:35:19+00:00"}}""")));
    }

    @Test
    void logsInWithAKsefTokenEncryptedForTheTokenKeyAfterAuthenticationCompletes() throws Exception {
        givenAuthenticationStatuses(100, 100, 200);

        AuthTokens tokens = client().auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN);

        assertThat(tokens).isEqualTo(new AuthTokens(
                new TokenInfo("access-jwt", Instant.parse("2025-05-14T13:50:19.0154302Z")),
                new TokenInfo("refresh-jwt", Instant.parse("2025-05-21T13:35:19Z")), AUTH_REF));
        JsonNode init = sentBody("/v2/auth/ksef-token");
        assertThat(init.get("challenge").asText()).isEqualTo(CHALLENGE);
        assertThat(init.get("contextIdentifier")).isEqualTo(JSON.readTree("{\"type\":\"Nip\",\"value\":\"5265877635\"}"));
        assertThat(init.get("publicKeyId").asText()).isEqualTo(MfTestKeys.publicKeyId(MfTestKeys.TOKEN_KEY.getPublic()));
        assertThat(decrypt(MfTestKeys.TOKEN_KEY, init.get("encryptedToken").asText()))
                .isEqualTo(KSEF_TOKEN + "|" + TIMESTAMP_MS);
        assertThat(tokens.toString()).doesNotContain("access-jwt").doesNotContain("refresh-jwt");
        KSEF.verify(3, getRequestedFor(urlEqualTo("/v2/auth/" + AUTH_REF))
                .withHeader("Authorization", equalTo("Bearer " + AUTH_TOKEN)));
        KSEF.verify(postRequestedFor(urlEqualTo("/v2/auth/token/redeem"))
                .withHeader("Authorization", equalTo("Bearer " + AUTH_TOKEN)));
    }

    @Test
    void picksTheNewestValidKeyForTheUsage() throws Exception {
        KeyPair older = MfTestKeys.generate();
        KeyPair expired = MfTestKeys.generate();
        KeyPair newest = MfTestKeys.generate();
        KSEF.stubFor(get(urlEqualTo("/v2/security/public-key-certificates")).willReturn(json(200, MfTestKeys.certificates()
                .with(older, "KsefTokenEncryption", NOW.minusSeconds(7200), NOW.plusSeconds(86400))
                .with(expired, "KsefTokenEncryption", NOW.minusSeconds(600), NOW.minusSeconds(60))
                .with(newest, "KsefTokenEncryption", NOW.minusSeconds(3600), NOW.plusSeconds(86400))
                .with(MfTestKeys.SYMMETRIC_KEY, "SymmetricKeyEncryption", NOW.minusSeconds(60), NOW.plusSeconds(86400))
                .json())));
        givenAuthenticationStatuses(200);

        client().auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN);

        JsonNode init = sentBody("/v2/auth/ksef-token");
        assertThat(init.get("publicKeyId").asText()).isEqualTo(MfTestKeys.publicKeyId(newest.getPublic()));
        assertThat(decrypt(newest, init.get("encryptedToken").asText())).isEqualTo(KSEF_TOKEN + "|" + TIMESTAMP_MS);
    }

    @Test
    void refetchesThePublicKeysAndRetriesOnceWhenKsefNoLongerKnowsTheKey() throws Exception {
        KeyPair rotated = MfTestKeys.generate();
        givenKsefStep(get(urlEqualTo("/v2/security/public-key-certificates")), Scenario.STARTED, "keys-fetched",
                json(200, MfTestKeys.certificates()
                        .with(MfTestKeys.TOKEN_KEY, "KsefTokenEncryption", NOW.minusSeconds(60), NOW.plusSeconds(86400))
                        .json()));
        givenKsefStep(post(urlEqualTo("/v2/auth/ksef-token")), "keys-fetched", "key-withdrawn", problem(400, """
                {"title":"Bad Request","status":400,"instance":"/v2/auth/ksef-token","detail":"x","traceId":"t",
                 "timestamp":"2025-07-11T12:23:56Z","errors":[{"code":21470,"description":"Klucz nieznany."}]}"""));
        givenKsefStep(get(urlEqualTo("/v2/security/public-key-certificates")), "key-withdrawn", "rotated",
                json(200, MfTestKeys.certificates()
                        .with(rotated, "KsefTokenEncryption", NOW.minusSeconds(60), NOW.plusSeconds(86400))
                        .json()));
        givenKsefStep(post(urlEqualTo("/v2/auth/ksef-token")), "rotated", "rotated", json(202, """
                {"referenceNumber":"%s","authenticationToken":{"token":"%s","validUntil":"2025-05-14T14:20:19Z"}}"""
                .formatted(AUTH_REF, AUTH_TOKEN)));
        givenAuthenticationStatuses(200);

        AuthTokens tokens = client().auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN);

        assertThat(tokens.accessToken().token()).isEqualTo("access-jwt");
        KSEF.verify(2, getRequestedFor(urlEqualTo("/v2/security/public-key-certificates")));
        List<JsonNode> attempts = sentBodies("/v2/auth/ksef-token");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).get("publicKeyId").asText()).isEqualTo(MfTestKeys.publicKeyId(rotated.getPublic()));
        assertThat(decrypt(rotated, attempts.get(1).get("encryptedToken").asText())).startsWith(KSEF_TOKEN + "|");
    }

    @Test
    void failsWithTheFinalAuthenticationStatusAndDoesNotRedeem() {
        givenAuthenticationStatuses(100, 450);

        KsefAuthenticationFailedException e = catchThrowableOfType(KsefAuthenticationFailedException.class,
                () -> client().auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN));

        assertThat(e.statusCode()).isEqualTo(450);
        assertThat(e.description()).contains("Nieprawidłowy token");
        assertThat(e.retryable()).isFalse();
        assertThat(e.toString()).doesNotContain(KSEF_TOKEN).doesNotContain(AUTH_TOKEN);
        KSEF.verify(0, postRequestedFor(urlEqualTo("/v2/auth/token/redeem")));
    }

    @Test
    void reportsASystemCancelledAuthenticationAsRetryable() {
        givenAuthenticationStatuses(550);

        KsefAuthenticationFailedException e = catchThrowableOfType(KsefAuthenticationFailedException.class,
                () -> client().auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN));

        assertThat(e.statusCode()).isEqualTo(550);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void givesUpWaitingForAnAuthenticationThatStaysInProgress() {
        givenAuthenticationStatuses(100);

        KsefAuthenticationFailedException e = catchThrowableOfType(KsefAuthenticationFailedException.class,
                () -> clientBuilder().authTimeout(Duration.ofMillis(100)).build()
                        .auth().loginWithKsefToken(CONTEXT, KSEF_TOKEN));

        assertThat(e.statusCode()).isEqualTo(100);
        assertThat(e.retryable()).isTrue();
        KSEF.verify(0, postRequestedFor(urlEqualTo("/v2/auth/token/redeem")));
    }

    @Test
    void refreshesTheAccessTokenWithTheRefreshToken() {
        KSEF.stubFor(post(urlEqualTo("/v2/auth/token/refresh")).willReturn(json(200, """
                {"accessToken":{"token":"new-access","validUntil":"2025-05-14T14:05:19+00:00"}}""")));

        TokenInfo access = client().auth().refresh("refresh-jwt");

        assertThat(access).isEqualTo(new TokenInfo("new-access", Instant.parse("2025-05-14T14:05:19Z")));
        KSEF.verify(postRequestedFor(urlEqualTo("/v2/auth/token/refresh"))
                .withHeader("Authorization", equalTo("Bearer refresh-jwt")));
    }

    @Test
    void revokesTheCurrentAuthenticationSession() {
        KSEF.stubFor(delete(urlEqualTo("/v2/auth/sessions/current")).willReturn(aResponse().withStatus(204)));

        client().auth().revokeCurrentSession("refresh-jwt");

        KSEF.verify(deleteRequestedFor(urlEqualTo("/v2/auth/sessions/current"))
                .withHeader("Authorization", equalTo("Bearer refresh-jwt")));
    }

    private static void givenKsefStep(MappingBuilder request, String state,
                                      String nextState, ResponseDefinitionBuilder response) {
        KSEF.stubFor(request.inScenario("rotation").whenScenarioStateIs(state).willSetStateTo(nextState).willReturn(response));
    }

    private static void givenAuthenticationStatuses(int... codes) {
        String path = "/v2/auth/" + AUTH_REF;
        for (int i = 0; i < codes.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "poll-" + i;
            KSEF.stubFor(get(urlEqualTo(path)).inScenario("auth").whenScenarioStateIs(state)
                    .willSetStateTo(i + 1 < codes.length ? "poll-" + (i + 1) : state)
                    .willReturn(json(200, authStatus(codes[i]))));
        }
    }

    private static String authStatus(int code) {
        String description = switch (code) {
            case 100 -> "Uwierzytelnianie w toku";
            case 200 -> "Uwierzytelnianie zakończone sukcesem";
            case 450 -> "Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu";
            default -> "Status " + code;
        };
        String details = code == 450 ? ",\"details\":[\"Nieprawidłowy token.\"]" : "";
        return """
                {"startDate":"2025-05-14T13:35:19.6+00:00","authenticationMethod":"Token",
                 "authenticationMethodInfo":{"category":"Token","code":"token.ksef","displayName":"Token KSeF"},
                 "status":{"code":%d,"description":"%s"%s}}""".formatted(code, description, details);
    }

    static JsonNode sentBody(String path) throws Exception {
        List<JsonNode> bodies = sentBodies(path);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    static List<JsonNode> sentBodies(String path) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var request : KSEF.findAll(postRequestedFor(urlEqualTo(path)))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private static String decrypt(KeyPair pair, String base64) throws Exception {
        return new String(MfTestKeys.decryptOaepSha256(pair.getPrivate(), Base64.getDecoder().decode(base64)),
                StandardCharsets.UTF_8);
    }
}
