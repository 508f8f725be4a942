package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsefQueriesTest extends KsefWireMock {

    static final String GRANTS = "/v2/permissions/query/personal/grants";

    @Test
    void collectsEveryPageOfPersonalGrants() {
        KSEF.stubFor(post(urlPathEqualTo(GRANTS)).withQueryParam("pageOffset", equalTo("0"))
                .willReturn(json(200, page("InvoiceWrite", true))));
        KSEF.stubFor(post(urlPathEqualTo(GRANTS)).withQueryParam("pageOffset", equalTo("1"))
                .willReturn(json(200, page("InvoiceRead", false))));

        List<PersonalGrant> grants = client().permissions().personalGrants("access-jwt");

        assertThat(grants).extracting(PersonalGrant::permissionScope).containsExactly("InvoiceWrite", "InvoiceRead");
        assertThat(grants.get(0).context()).isEqualTo(ContextIdentifier.nip("5265877635"));
        assertThat(grants.get(0).id()).isEqualTo("0c9a72e8-f344-457f-9c16-7c640eb60242");
        KSEF.verify(2, postRequestedFor(urlPathEqualTo(GRANTS))
                .withHeader("Authorization", equalTo("Bearer access-jwt"))
                .withQueryParam("pageSize", equalTo("100")));
    }

    @Test
    void revokesAKsefTokenAndReportsARefusalAsForbidden() {
        String mine = "20251001-EC-220B0CE000-E228129563-96";
        String other = "20251001-EC-220B0CE000-E228129564-97";
        KSEF.stubFor(delete(urlEqualTo("/v2/tokens/" + mine)).willReturn(aResponse().withStatus(204)));
        KSEF.stubFor(delete(urlEqualTo("/v2/tokens/" + other)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Forbidden","status":403,"detail":"Brak dostępu.","reasonCode":"insufficient-resource-access",
                         "timestamp":"2025-10-01T10:00:00Z"}""")));

        client().tokens().revoke("access-jwt", mine);

        KSEF.verify(deleteRequestedFor(urlEqualTo("/v2/tokens/" + mine)).withHeader("Authorization", equalTo("Bearer access-jwt")));
        assertThat(catchThrowableOfType(KsefForbiddenException.class,
                () -> client().tokens().revoke("access-jwt", other)).reasonCode())
                .isEqualTo("insufficient-resource-access");
    }

    @Test
    void readsTheRateLimitsOfEveryGroup() {
        KSEF.stubFor(get(urlPathEqualTo("/v2/rate-limits")).willReturn(json(200, """
                {"onlineSession":{"perSecond":10,"perMinute":30,"perHour":120},
                 "invoiceSend":{"perSecond":10,"perMinute":30,"perHour":180},
                 "aGroupAddedLater":{"perSecond":1,"perMinute":2,"perHour":3}}""")));

        RateLimits limits = client().limits().rateLimits("access-jwt");

        assertThat(limits.group("invoiceSend")).contains(new RateLimits.Limit(10, 30, 180));
        assertThat(limits.byGroup()).containsKeys("onlineSession", "aGroupAddedLater");
    }

    @Test
    void listsAuthenticationSessionsAcrossPagesAndRevokesOne() {
        KSEF.stubFor(get(urlPathEqualTo("/v2/auth/sessions")).withHeader("x-continuation-token", absent())
                .willReturn(json(200, authPage("20251010-AU-19F5E39000-39B5B182BA-B8", true, "\"t2\""))));
        KSEF.stubFor(get(urlPathEqualTo("/v2/auth/sessions")).withHeader("x-continuation-token", equalTo("t2"))
                .willReturn(json(200, authPage("20250514-AU-2DFC46C000-3AC6D5877F-D4", false, "null"))));
        KSEF.stubFor(delete(urlEqualTo("/v2/auth/sessions/20250514-AU-2DFC46C000-3AC6D5877F-D4"))
                .willReturn(aResponse().withStatus(204)));
        KsefClient client = client();

        List<AuthSession> sessions = client.authSessions().list("access-jwt");
        client.authSessions().revoke("access-jwt", sessions.get(1).referenceNumber());

        assertThat(sessions).extracting(AuthSession::current).containsExactly(true, false);
        assertThat(sessions.get(0).statusCode()).isEqualTo(200);
        KSEF.verify(deleteRequestedFor(urlEqualTo("/v2/auth/sessions/20250514-AU-2DFC46C000-3AC6D5877F-D4")));
    }

    @Test
    void queriesInvoiceMetadataAndKeepsAmountsExact() throws Exception {
        KSEF.stubFor(post(urlPathEqualTo("/v2/invoices/query/metadata")).willReturn(json(200, """
                {"hasMore":true,"isTruncated":false,"permanentStorageHwmDate":"2025-08-28T09:23:55.388+00:00",
                 "invoices":[{"ksefNumber":"5555555555-20250828-010080615740-E4","invoiceNumber":"FA/KUDYO1a7dddfe-610e-4843-84ba-6b887e35266e",
                  "issueDate":"2025-08-27","invoicingDate":"2025-08-28T09:22:13.388+00:00",
                  "acquisitionDate":"2025-08-28T09:22:56.388+00:00","permanentStorageDate":"2025-08-28T09:23:01.388+00:00",
                  "seller":{"nip":"5555555555","name":"Test Company 1"},
                  "buyer":{"identifier":{"type":"Nip","value":"7352765225"},"name":"Test Company 4"},
                  "netAmount":35260.63,"grossAmount":43370.57,"vatAmount":8109.94,"currency":"PLN",
                  "invoicingMode":"Offline","invoiceType":"Vat",
                  "formCode":{"systemCode":"FA (3)","schemaVersion":"1-0E","value":"FA"},
                  "isSelfInvoicing":false,"hasAttachment":false,
                  "invoiceHash":"mkht+3m5trnfxlTYhq3QFn74LkEO69MFNlsMAkCDSPA=","unknownLaterField":1}]}""")));

        InvoiceMetadataPage page = client().invoiceQueries().metadata("access-jwt",
                InvoiceQuery.receivedSince(Instant.parse("2025-08-01T00:00:00Z")), 0, 100);

        assertThat(page.hasMore()).isTrue();
        InvoiceMetadata invoice = page.invoices().get(0);
        assertThat(invoice.grossAmount()).isEqualByComparingTo("43370.57");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2025, 8, 27));
        assertThat(invoice.buyerIdentifier()).isEqualTo("7352765225");
        assertThat(invoice.formCode()).isEqualTo(FormCode.FA3);
        JsonNode sent = KsefAuthTest.sentBodies("/v2/invoices/query/metadata?pageOffset=0&pageSize=100").get(0);
        assertThat(sent.get("subjectType").asText()).isEqualTo("Subject2");
        assertThat(sent.at("/dateRange/dateType").asText()).isEqualTo("PermanentStorage");
        assertThat(sent.at("/dateRange/from").asText()).isEqualTo("2025-08-01T00:00:00Z");
    }

    private static String authPage(String reference, boolean current, String continuation) {
        return """
                {"continuationToken":%s,"items":[{"startDate":"2025-10-11T12:00:00+00:00","authenticationMethod":"Token",
                 "authenticationMethodInfo":{"category":"Token","code":"token.ksef","displayName":"Token KSeF"},
                 "status":{"code":200,"description":"Uwierzytelnianie zakończone sukcesem"},"isTokenRedeemed":true,
                 "refreshTokenValidUntil":"2025-10-18T12:00:00+00:00","referenceNumber":"%s","isCurrent":%s}]}"""
                .formatted(continuation, reference, current);
    }

    private static String page(String scope, boolean hasMore) {
        return """
                {"permissions":[{"id":"0c9a72e8-f344-457f-9c16-7c640eb60242",
                  "contextIdentifier":{"type":"Nip","value":"5265877635"},
                  "authorizedIdentifier":{"type":"Nip","value":"7762811692"},
                  "permissionScope":"%s","description":"Opis uprawnienia","permissionState":"Active",
                  "startDate":"2025-06-22T10:41:11+00:00","canDelegate":false}],"hasMore":%s}"""
                .formatted(scope, hasMore);
    }
}
