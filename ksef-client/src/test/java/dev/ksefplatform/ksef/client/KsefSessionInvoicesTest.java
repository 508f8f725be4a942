package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KsefSessionInvoicesTest extends KsefWireMock {

    static final String SESSION_REF = "20250626-SO-2F14610000-242991F8C9-B4";
    static final String INVOICES = "/v2/sessions/" + SESSION_REF + "/invoices";

    @Test
    void followsTheContinuationTokenThroughEveryPage() {
        KSEF.stubFor(get(urlPathEqualTo(INVOICES)).withHeader("x-continuation-token", absent())
                .willReturn(json(200, page("20250626-EE-2F20AD2000-242386DF86-52", 1, "\"next-page-token\""))));
        KSEF.stubFor(get(urlPathEqualTo(INVOICES)).withHeader("x-continuation-token", equalTo("next-page-token"))
                .willReturn(json(200, page("20250918-EE-2F15D39000-242207E5C4-1B", 2, "null"))));

        List<SessionInvoice> invoices = client().sessionInvoices().all("access-jwt", SESSION_REF);

        assertThat(invoices).extracting(SessionInvoice::ordinalNumber).containsExactly(1, 2);
        assertThat(invoices.get(1).referenceNumber()).isEqualTo("20250918-EE-2F15D39000-242207E5C4-1B");
        assertThat(invoices.get(0).status().code()).isEqualTo(200);
        assertThat(invoices.get(0).status().ksefNumber()).isEqualTo("5265877635-20250626-010080DD2B5E-26");
        KSEF.verify(2, getRequestedFor(urlPathEqualTo(INVOICES)).withHeader("Authorization", equalTo("Bearer access-jwt")));
    }

    @Test
    void refusesAListThatRepeatsItsContinuationTokenRatherThanLoopingOrCuttingItShort() {
        KSEF.stubFor(get(urlPathEqualTo(INVOICES))
                .willReturn(json(200, page("20250626-EE-2F20AD2000-242386DF86-52", 1, "\"same-token\""))));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> client().sessionInvoices().all("access-jwt", SESSION_REF));

        assertThat(e.getMessage()).contains("does not end after 2 pages");
        KSEF.verify(2, getRequestedFor(urlPathEqualTo(INVOICES)));
    }

    @Test
    void refusesAListLongerThanASessionCanBeRatherThanReturningPartOfIt() {
        for (int n = 0; n < 20; n++) {
            KSEF.stubFor(get(urlPathEqualTo(INVOICES)).withHeader("x-continuation-token",
                            n == 0 ? absent() : equalTo("token-" + n))
                    .willReturn(json(200, page("20250626-EE-2F20AD2000-242386DF86-52", n + 1,
                            "\"token-" + (n + 1) + "\""))));
        }

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> client().sessionInvoices().all("access-jwt", SESSION_REF));

        assertThat(e.getMessage()).contains("does not end after 11 pages");
        KSEF.verify(11, getRequestedFor(urlPathEqualTo(INVOICES)));
    }

    @Test
    void asksForPagesOfAThousand() {
        KSEF.stubFor(get(urlPathEqualTo(INVOICES))
                .willReturn(json(200, page("20250626-EE-2F20AD2000-242386DF86-52", 1, "null"))));

        client().sessionInvoices().all("access-jwt", SESSION_REF);

        KSEF.verify(getRequestedFor(urlEqualTo(INVOICES + "?pageSize=1000")));
    }

    @Test
    void downloadsTheUpoWithoutTheTokenAndChecksItsHash() throws Exception {
        byte[] upo = "<Potwierdzenie xmlns=\"http://upo.schematy.mf.gov.pl/KSeF/v4-3\"/>".getBytes(StandardCharsets.UTF_8);
        KSEF.stubFor(get(urlPathEqualTo("/storage/01/upo.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withHeader("x-ms-meta-hash", sha256(upo)).withBody(upo)));

        byte[] downloaded = client().sessionInvoices().downloadUpo(KSEF.baseUrl() + "/storage/01/upo.xml?sv=1&sig=abc");

        assertThat(downloaded).isEqualTo(upo);
        KSEF.verify(getRequestedFor(urlEqualTo("/storage/01/upo.xml?sv=1&sig=abc")).withoutHeader("Authorization"));
    }

    @Test
    void rejectsAUpoWhoseBytesDoNotMatchTheDeclaredHash() throws Exception {
        KSEF.stubFor(get(urlPathEqualTo("/storage/01/upo.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("x-ms-meta-hash", sha256("other".getBytes(StandardCharsets.UTF_8))).withBody("<truncated")));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> client().sessionInvoices().downloadUpo(KSEF.baseUrl() + "/storage/01/upo.xml?sig=abc"));

        assertThat(e.getMessage()).contains("x-ms-meta-hash").doesNotContain("sig=abc");
    }

    @Test
    void rejectsAUpoAnsweredWithoutTheHashTheSpecPromises() {
        KSEF.stubFor(get(urlPathEqualTo("/storage/01/upo.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody("<Potwierdzenie/>")));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> client().sessionInvoices().downloadUpo(KSEF.baseUrl() + "/storage/01/upo.xml?sig=abc"));

        assertThat(e.getMessage()).contains("without x-ms-meta-hash").doesNotContain("sig=abc");
    }

    private static String page(String reference, int ordinal, String continuation) {
        return """
                {"continuationToken":%s,"invoices":[{"ordinalNumber":%d,"referenceNumber":"%s",
                 "invoiceNumber":"FV/%d","ksefNumber":"5265877635-20250626-010080DD2B5E-26",
                 "invoiceHash":"EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=","invoicingDate":"2025-06-26T08:00:00+00:00",
                 "acquisitionDate":"2025-06-26T08:00:05+00:00","invoicingMode":"Online",
                 "status":{"code":200,"description":"Sukces"}}]}""".formatted(continuation, ordinal, reference, ordinal);
    }

    private static String sha256(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
