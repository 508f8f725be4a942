package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefError;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.ksef.client.error.KsefGoneException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import dev.ksefplatform.ksef.client.error.KsefServerException;
import dev.ksefplatform.ksef.client.error.KsefTransportException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsefErrorMappingTest extends KsefWireMock {

    static final String TOKEN_REF = "20251010-EC-1DCE3E3000-12ECB5B36E-45";
    static final String PATH = "/v2/tokens/" + TOKEN_REF;
    static final String ACCESS_TOKEN = "eyJ.secret-access-token.sig";
    static final String TOKEN_STATUS = """
            {"referenceNumber":"%s","authorIdentifier":{"type":"Nip","value":"5265877635"},
             "contextIdentifier":{"type":"Nip","value":"5265877635"},"description":"d",
             "requestedPermissions":["InvoiceWrite","InvoiceRead"],"dateCreated":"2025-10-10T10:00:00.1234567+00:00",
             "status":"Active","someFieldKsefAddsLater":{"x":1}}""".formatted(TOKEN_REF);

    @Test
    void readsABodyWithUnknownFieldsAndSendsProblemDetailsHeaderAndBearer() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(json(200, TOKEN_STATUS)));

        KsefTokenInfo info = client().tokens().get(ACCESS_TOKEN, TOKEN_REF);

        assertThat(info).isEqualTo(new KsefTokenInfo(TOKEN_REF, "Active", List.of("InvoiceWrite", "InvoiceRead"),
                ContextIdentifier.nip("5265877635")));
        KSEF.verify(getRequestedFor(urlEqualTo(PATH))
                .withHeader("X-Error-Format", equalTo("problem-details"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void mapsABadRequestProblemToItsErrorCodes() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(problem(400, """
                {"title":"Bad Request","status":400,"instance":"/v2/tokens","detail":"bad","traceId":"t",
                 "timestamp":"2025-07-11T12:23:56.0154302+00:00",
                 "errors":[{"code":21405,"description":"Błąd walidacji danych wejściowych.","details":["x"]}]}""")));

        KsefApiException e = catchThrowableOfType(KsefApiException.class, () -> client().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.errors()).containsExactly(new KsefError(21405, "Błąd walidacji danych wejściowych.", List.of("x")));
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).hasValue(400);
        KSEF.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void mapsTheLegacyExceptionResponseToTheSameErrorCodes() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(json(400, """
                {"exception":{"exceptionDetailList":[{"exceptionCode":21470,"exceptionDescription":"Klucz nieznany.",
                 "details":["Klucz o identyfikatorze k nie jest wspierany."]}],
                 "referenceNumber":"a1b2c3d4-e5f6-4789-ab12-cd34ef567890","serviceCode":"00-c0","serviceCtx":"srvABCDA",
                 "serviceName":"Undefined","timestamp":"2025-10-11T12:23:56.0154302"}}""")));

        KsefApiException e = catchThrowableOfType(KsefApiException.class, () -> client().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.hasErrorCode(KsefError.UNKNOWN_PUBLIC_KEY)).isTrue();
        assertThat(e.errors()).extracting(KsefError::description).containsExactly("Klucz nieznany.");
    }

    @Test
    void mapsUnauthorizedForbiddenAndGone() {
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("403")
                .willReturn(problem(401, """
                        {"title":"Unauthorized","status":401,"detail":"Wymagane jest uwierzytelnienie.",
                         "timestamp":"2025-07-11T12:23:56.0154302+00:00"}""")));
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("403").willSetStateTo("410")
                .willReturn(problem(403, """
                        {"title":"Forbidden","status":403,"detail":"Brak uprawnień.","reasonCode":"missing-permissions",
                         "security":{"requiredAnyOfPermissions":["InvoiceWrite"]},"timestamp":"2025-07-11T12:23:56Z"}""")));
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("410")
                .willReturn(problem(410, """
                        {"title":"Gone","status":410,"instance":"/v2/tokens","detail":"Operacja wygasła.",
                         "timestamp":"2025-07-11T12:23:56Z","traceId":"t"}""")));
        KsefClient client = client();

        KsefException unauthorized = catchThrowableOfType(KsefUnauthorizedException.class, () -> client.tokens().get(ACCESS_TOKEN, TOKEN_REF));
        KsefForbiddenException forbidden = catchThrowableOfType(KsefForbiddenException.class, () -> client.tokens().get(ACCESS_TOKEN, TOKEN_REF));
        KsefException gone = catchThrowableOfType(KsefGoneException.class, () -> client.tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(unauthorized.retryable()).isFalse();
        assertThat(forbidden.reasonCode()).isEqualTo("missing-permissions");
        assertThat(forbidden.retryable()).isFalse();
        assertThat(gone.httpStatus()).hasValue(410);
        KSEF.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void namesAnHtmlErrorPageWithAServerStatusAsAnUnexpectedRetryableResponse() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Request rejected</body></html>")));

        dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException e = catchThrowableOfType(
                dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException.class,
                () -> clientBuilder().maxRetries(1).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).hasValue(503);
        KSEF.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retriesAServerErrorUpToTheLimitThenThrowsIt() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        KsefServerException e = catchThrowableOfType(KsefServerException.class,
                () -> clientBuilder().maxRetries(2).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).hasValue(503);
        KSEF.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void recoversWhenATransientServerErrorPasses() {
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(502)));
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(json(200, TOKEN_STATUS)));

        KsefTokenInfo info = client().tokens().get(ACCESS_TOKEN, TOKEN_REF);

        assertThat(info.status()).isEqualTo("Active");
        KSEF.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void waitsForRetryAfterBeforeRetryingARateLimitedCall() {
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(problem(429, """
                        {"title":"Too Many Requests","status":429,"detail":"Przekroczono limit."}""")
                        .withHeader("Retry-After", "1")));
        KSEF.stubFor(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(json(200, TOKEN_STATUS)));
        long started = System.nanoTime();

        KsefTokenInfo info = client().tokens().get(ACCESS_TOKEN, TOKEN_REF);

        assertThat(info.status()).isEqualTo("Active");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        KSEF.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void handsALongRetryAfterToTheCallerInsteadOfBlocking() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        KsefRateLimitedException e = catchThrowableOfType(KsefRateLimitedException.class,
                () -> clientBuilder().maxRetryAfter(Duration.ofSeconds(30)).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e.retryable()).isTrue();
        KSEF.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void treatsTheHtmlFirewallPageAsAnUnexpectedRetryableResponse() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body>The requested URL was rejected. Support ID: 123</body></html>")));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> clientBuilder().maxRetries(1).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.retryable()).isTrue();
        KSEF.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void treatsAnHtmlErrorPageWithAJsonContentTypeAsUnexpected() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(json(403, "<html>blocked</html>")));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> clientBuilder().maxRetries(0).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.httpStatus()).hasValue(403);
    }

    @Test
    void mapsAConnectionResetToARetryableTransportFailure() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        KsefTransportException e = catchThrowableOfType(KsefTransportException.class,
                () -> clientBuilder().maxRetries(1).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isEmpty();
        // The JDK HttpClient may itself repeat a GET once when the connection dies before the response.
        assertThat(KSEF.findAll(getRequestedFor(urlEqualTo(PATH)))).hasSizeBetween(2, 4);
    }

    @Test
    void neverPutsTheAccessTokenIntoAnException() {
        KSEF.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        KsefException e = catchThrowableOfType(KsefException.class,
                () -> clientBuilder().maxRetries(0).build().tokens().get(ACCESS_TOKEN, TOKEN_REF));

        assertThat(e.toString()).doesNotContain(ACCESS_TOKEN);
        assertThat(new TokenInfo(ACCESS_TOKEN, NOW).toString()).doesNotContain(ACCESS_TOKEN);
    }
}
