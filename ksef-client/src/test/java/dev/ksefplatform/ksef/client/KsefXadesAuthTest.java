package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import dev.ksefplatform.ksef.client.support.SignedXml;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KsefXadesAuthTest extends KsefWireMock {

    static final String NIP = "5265877635";
    static final String CHALLENGE = "20250514-CR-226FB7B000-3ACF9BE4C0-10";
    static final String AUTH_REF = "20250514-AU-2DFC46C000-3AC6D5877F-D4";
    static final String AUTH_TOKEN = "operation-jwt";
    static final XadesCredential CREDENTIAL = TestCertificates.selfSignedForNip(NIP);

    @BeforeEach
    void givenKsefAcceptsXadesSignedRequests() {
        KSEF.stubFor(post(urlEqualTo("/v2/auth/challenge")).willReturn(json(200, """
                {"challenge":"%s","timestamp":"2025-05-14T13:35:19.123+00:00","timestampMs":1747229719123,
                 "clientIp":"127.0.0.1"}""".formatted(CHALLENGE))));
        KSEF.stubFor(post(urlEqualTo("/v2/auth/xades-signature")).willReturn(json(202, """
                {"referenceNumber":"%s","authenticationToken":{"token":"%s","validUntil":"2025-05-14T14:20:19+00:00"}}"""
                .formatted(AUTH_REF, AUTH_TOKEN))));
        KSEF.stubFor(post(urlEqualTo("/v2/auth/token/redeem")).willReturn(json(200, """
                {"accessToken":{"token":"access-jwt","validUntil":"2025-05-14T13:50:19+00:00"},
                 "refreshToken":{"token":"refresh-jwt","validUntil":"2025-05-21T13:35:19+00:00"}}""")));
    }

    @Test
    void logsInWithAnAuthTokenRequestSignedForTheChallenge() throws Exception {
        givenAuthenticationStatus(200, "Uwierzytelnianie zakończone sukcesem");

        AuthTokens tokens = client().auth().loginWithXades(ContextIdentifier.nip(NIP),
                SubjectIdentifierType.CERTIFICATE_SUBJECT, CREDENTIAL);

        assertThat(tokens).isEqualTo(new AuthTokens(
                new TokenInfo("access-jwt", Instant.parse("2025-05-14T13:50:19Z")),
                new TokenInfo("refresh-jwt", Instant.parse("2025-05-21T13:35:19Z")), AUTH_REF));
        var sent = KSEF.findAll(postRequestedFor(urlEqualTo("/v2/auth/xades-signature"))
                .withHeader("Content-Type", equalTo("application/xml")).withoutHeader("Authorization"));
        assertThat(sent).hasSize(1);
        SignedXml signed = SignedXml.parse(sent.get(0).getBody());
        assertThat(signed.verifies()).isTrue();
        assertThat(signed.text("http://ksef.mf.gov.pl/auth/token/2.0", "Challenge")).isEqualTo(CHALLENGE);
        assertThat(signed.embeddedCertificate()).isEqualTo(CREDENTIAL.certificate());
        KSEF.verify(postRequestedFor(urlEqualTo("/v2/auth/token/redeem"))
                .withHeader("Authorization", equalTo("Bearer " + AUTH_TOKEN)));
    }

    @Test
    void failsWithACertificateErrorAndDoesNotRedeem() {
        givenAuthenticationStatus(460, "Nieważny certyfikat");

        KsefAuthenticationFailedException e = catchThrowableOfType(KsefAuthenticationFailedException.class,
                () -> client().auth().loginWithXades(ContextIdentifier.nip(NIP),
                        SubjectIdentifierType.CERTIFICATE_FINGERPRINT, CREDENTIAL));

        assertThat(e.statusCode()).isEqualTo(460);
        assertThat(e.retryable()).isFalse();
        assertThat(e.toString()).doesNotContain(AUTH_TOKEN);
        KSEF.verify(0, postRequestedFor(urlEqualTo("/v2/auth/token/redeem")));
    }

    private static void givenAuthenticationStatus(int code, String description) {
        KSEF.stubFor(get(urlEqualTo("/v2/auth/" + AUTH_REF)).willReturn(json(200, """
                {"startDate":"2025-05-14T13:35:19.6+00:00","authenticationMethod":"QualifiedSignature",
                 "authenticationMethodInfo":{"category":"XadesSignature","code":"xades","displayName":"XAdES"},
                 "status":{"code":%d,"description":"%s"}}""".formatted(code, description))));
    }
}
