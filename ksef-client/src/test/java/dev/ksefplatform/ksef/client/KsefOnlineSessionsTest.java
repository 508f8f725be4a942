package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ksefplatform.ksef.client.error.KsefServerException;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import dev.ksefplatform.ksef.client.support.MfTestKeys;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KsefOnlineSessionsTest extends KsefWireMock {

    static final String ACCESS = "access-jwt";
    static final String SESSION_REF = "20250625-SO-2C3E6C8000-B675CF5D68-07";
    static final String INVOICE_REF = "20250625-EE-319D7EE000-B67F415CDC-2C";
    static final String SESSIONS = "/v2/sessions/online";
    static final String INVOICES = SESSIONS + "/" + SESSION_REF + "/invoices";
    static final String INVOICE_STATUS = "/v2/sessions/" + SESSION_REF + "/invoices/" + INVOICE_REF;

    @BeforeEach
    void givenKsefAcceptsSessionsAndInvoices() {
        publishMfKeys();
        KSEF.stubFor(post(urlEqualTo(SESSIONS)).willReturn(json(201, """
                {"referenceNumber":"%s","validUntil":"2025-06-26T09:00:00.1234567+00:00"}""".formatted(SESSION_REF))));
        KSEF.stubFor(post(urlEqualTo(INVOICES)).willReturn(json(202, """
                {"referenceNumber":"%s"}""".formatted(INVOICE_REF))));
        KSEF.stubFor(post(urlEqualTo(SESSIONS + "/" + SESSION_REF + "/close")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void opensASessionWithAFreshAesKeyWrappedForTheSymmetricKey() throws Exception {
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        assertThat(session.referenceNumber()).isEqualTo(SESSION_REF);
        assertThat(session.validUntil()).isEqualTo(Instant.parse("2025-06-26T09:00:00.1234567Z"));
        JsonNode open = KsefAuthTest.sentBody(SESSIONS);
        assertThat(open.get("formCode").toString()).isEqualTo("{\"systemCode\":\"FA (3)\",\"schemaVersion\":\"1-0E\",\"value\":\"FA\"}");
        assertThat(open.at("/encryption/publicKeyId").asText()).isEqualTo(MfTestKeys.publicKeyId(MfTestKeys.SYMMETRIC_KEY.getPublic()));
        assertThat(unwrapKey(open)).hasSize(32);
        assertThat(Base64.getDecoder().decode(open.at("/encryption/initializationVector").asText())).hasSize(16);
        KSEF.verify(postRequestedFor(urlEqualTo(SESSIONS)).withHeader("Authorization", equalTo("Bearer " + ACCESS)));
    }

    @Test
    void usesADifferentKeyForEverySession() throws Exception {
        KsefClient client = client();

        client.onlineSessions().open(ACCESS, FormCode.FA3);
        client.onlineSessions().open(ACCESS, FormCode.FA3);

        List<JsonNode> opens = KsefAuthTest.sentBodies(SESSIONS);
        assertThat(unwrapKey(opens.get(0))).isNotEqualTo(unwrapKey(opens.get(1)));
        assertThat(opens.get(0).at("/encryption/initializationVector").asText())
                .isNotEqualTo(opens.get(1).at("/encryption/initializationVector").asText());
    }

    @Test
    void sendsTheInvoiceEncryptedWithTheSessionKeyWithoutAnIvPrefixAndWithItsHashesAndSizes() throws Exception {
        byte[] xml = sample("java-invoice-template_v3.xml");
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        SentInvoice sent = session.send(xml);

        JsonNode body = KsefAuthTest.sentBody(INVOICES);
        byte[] ciphertext = Base64.getDecoder().decode(body.get("encryptedInvoiceContent").asText());
        assertThat(sent).isEqualTo(new SentInvoice(INVOICE_REF, sha256(xml), xml.length));
        assertThat(body.get("invoiceHash").asText()).isEqualTo(sha256(xml));
        assertThat(body.get("invoiceSize").asLong()).isEqualTo(xml.length);
        assertThat(body.get("encryptedInvoiceHash").asText()).isEqualTo(sha256(ciphertext));
        assertThat(body.get("encryptedInvoiceSize").asLong()).isEqualTo(ciphertext.length);
        assertThat(ciphertext.length).isEqualTo((xml.length / 16 + 1) * 16);
        assertThat(body.get("offlineMode").asBoolean()).isFalse();
        assertThat(decryptWithSessionKey(KsefAuthTest.sentBody(SESSIONS), ciphertext)).isEqualTo(xml);
    }

    @Test
    void marksAnOfflineInvoice() throws Exception {
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        session.send(sample("csharp-invoice-template-fa-3.xml"), true);

        assertThat(KsefAuthTest.sentBody(INVOICES).get("offlineMode").asBoolean()).isTrue();
    }

    @Test
    void doesNotResendAnInvoiceAfterAnAmbiguousServerError() throws Exception {
        KSEF.stubFor(post(urlEqualTo(INVOICES)).willReturn(aResponse().withStatus(500)));
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        catchThrowableOfType(KsefServerException.class, () -> session.send(sample("java-invoice-template_v3.xml")));

        KSEF.verify(1, postRequestedFor(urlEqualTo(INVOICES)));
    }

    @Test
    void resendsAnInvoiceThatWasRateLimited() throws Exception {
        KSEF.stubFor(post(urlEqualTo(INVOICES)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        KSEF.stubFor(post(urlEqualTo(INVOICES)).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(json(202, "{\"referenceNumber\":\"" + INVOICE_REF + "\"}")));
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        SentInvoice sent = session.send(sample("java-invoice-template_v3.xml"));

        assertThat(sent.referenceNumber()).isEqualTo(INVOICE_REF);
        KSEF.verify(2, postRequestedFor(urlEqualTo(INVOICES)));
    }

    @Test
    void closesTheSessionOnlyOnce() {
        OnlineSession session = client().onlineSessions().open(ACCESS, FormCode.FA3);

        session.close();
        session.close();

        KSEF.verify(1, postRequestedFor(urlEqualTo(SESSIONS + "/" + SESSION_REF + "/close"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS)));
        assertThat(session.toString()).doesNotContain(ACCESS);
    }

    @Test
    void readsADuplicateInvoiceStatusWithItsExtensions() {
        KSEF.stubFor(get(urlEqualTo(INVOICE_STATUS)).willReturn(json(200, invoiceStatus(440, """
                ,"extensions":{"originalSessionReferenceNumber":"20250626-SO-2F14610000-242991F8C9-B4",
                 "originalKsefNumber":"5265877635-20250626-010080DD2B5E-26"}""", ""))));

        InvoiceStatus status = client().onlineSessions().invoiceStatus(ACCESS, SESSION_REF, INVOICE_REF);

        assertThat(status.code()).isEqualTo(InvoiceStatus.DUPLICATE);
        assertThat(status.isFinal()).isTrue();
        assertThat(status.extensions()).containsEntry("originalKsefNumber", "5265877635-20250626-010080DD2B5E-26");
        assertThat(status.ksefNumber()).isNull();
    }

    @Test
    void awaitsTheInvoiceStatusWhileItIsProcessing() {
        String accepted = """
                ,"ksefNumber":"5265877635-20250626-010080DD2B5E-26","acquisitionDate":"2025-06-26T08:01:02.1234567+00:00",
                 "upoDownloadUrl":"https://api-test.ksef.mf.gov.pl/storage/01/upo.xml?sig=abc","upoDownloadUrlExpirationDate":"2025-06-26T09:00:00+00:00\"""";
        KSEF.stubFor(get(urlEqualTo(INVOICE_STATUS)).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("150").willReturn(json(200, invoiceStatus(100, "", ""))));
        KSEF.stubFor(get(urlEqualTo(INVOICE_STATUS)).inScenario("p").whenScenarioStateIs("150")
                .willSetStateTo("200").willReturn(json(200, invoiceStatus(150, "", ""))));
        KSEF.stubFor(get(urlEqualTo(INVOICE_STATUS)).inScenario("p").whenScenarioStateIs("200")
                .willReturn(json(200, invoiceStatus(200, "", accepted))));

        InvoiceStatus status = client().onlineSessions().awaitInvoiceStatus(ACCESS, SESSION_REF, INVOICE_REF,
                Duration.ofSeconds(10));

        assertThat(status.code()).isEqualTo(200);
        assertThat(status.ksefNumber()).isEqualTo("5265877635-20250626-010080DD2B5E-26");
        assertThat(status.invoiceNumber()).isEqualTo("FV/1/2025");
        assertThat(status.acquisitionDate()).isEqualTo(Instant.parse("2025-06-26T08:01:02.1234567Z"));
        assertThat(status.upoDownloadUrl()).endsWith("sig=abc");
        KSEF.verify(3, getRequestedFor(urlEqualTo(INVOICE_STATUS)));
    }

    @Test
    void returnsTheLastStatusWhenTheWaitTimesOut() {
        KSEF.stubFor(get(urlEqualTo(INVOICE_STATUS)).willReturn(json(200, invoiceStatus(150, "", ""))));

        InvoiceStatus status = client().onlineSessions().awaitInvoiceStatus(ACCESS, SESSION_REF, INVOICE_REF,
                Duration.ofMillis(100));

        assertThat(status.code()).isEqualTo(150);
        assertThat(status.isFinal()).isFalse();
    }

    @Test
    void readsTheSessionStatusWithItsUpoPages() {
        KSEF.stubFor(get(urlEqualTo("/v2/sessions/" + SESSION_REF)).willReturn(json(200, """
                {"status":{"code":200,"description":"Sesja interaktywna przetworzona pomyślnie"},
                 "dateCreated":"2025-06-25T10:00:00+00:00","dateUpdated":"2025-06-25T10:05:00+00:00",
                 "upo":{"pages":[{"referenceNumber":"20250918-EU-2EBD6FA000-242EB9B66D-43",
                   "downloadUrl":"https://api-test.ksef.mf.gov.pl/storage/01/session-upo.xml?sig=x",
                   "downloadUrlExpirationDate":"2025-06-25T11:05:00+00:00"}]},
                 "invoiceCount":3,"successfulInvoiceCount":2,"failedInvoiceCount":1}""")));

        SessionStatus status = client().onlineSessions().sessionStatus(ACCESS, SESSION_REF);

        assertThat(status).isEqualTo(new SessionStatus(200, "Sesja interaktywna przetworzona pomyślnie", 3, 2, 1,
                List.of(new UpoPage("20250918-EU-2EBD6FA000-242EB9B66D-43",
                        "https://api-test.ksef.mf.gov.pl/storage/01/session-upo.xml?sig=x",
                        Instant.parse("2025-06-25T11:05:00Z")))));
    }

    private static String invoiceStatus(int code, String statusExtras, String invoiceExtras) {
        return """
                {"ordinalNumber":1,"referenceNumber":"%s","invoiceNumber":"FV/1/2025",
                 "invoiceHash":"EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=","invoicingDate":"2025-06-26T08:00:00+00:00",
                 "invoicingMode":"Online","status":{"code":%d,"description":"opis"%s}%s}"""
                .formatted(INVOICE_REF, code, statusExtras, invoiceExtras);
    }

    private static byte[] unwrapKey(JsonNode open) throws Exception {
        return MfTestKeys.decryptOaepSha256(MfTestKeys.SYMMETRIC_KEY.getPrivate(),
                Base64.getDecoder().decode(open.at("/encryption/encryptedSymmetricKey").asText()));
    }

    private static byte[] decryptWithSessionKey(JsonNode open, byte[] ciphertext) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(unwrapKey(open), "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(open.at("/encryption/initializationVector").asText())));
        return aes.doFinal(ciphertext);
    }

    private static String sha256(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static byte[] sample(String name) throws Exception {
        try (InputStream in = KsefOnlineSessionsTest.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            return in.readAllBytes();
        }
    }

}
