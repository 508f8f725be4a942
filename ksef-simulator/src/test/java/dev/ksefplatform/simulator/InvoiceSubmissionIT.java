package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Session;
import dev.ksefplatform.simulator.support.KsefTestClient.Tokens;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * The path of one invoice: online session, processing outcomes, KSeF number and UPO.
 * Runs against the shared in-process simulator; every /v2 response is checked against openapi.json.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvoiceSubmissionIT {

    private static final List<String> WRITE_READ = List.of("InvoiceWrite", "InvoiceRead");
    private static final KsefTestClient KSEF = RunningSimulator.client();

    @Test
    void acceptsAnInvoiceWithAChecksumValidKsefNumberAndAValidUpo(CapturedOutput output) throws Exception {
        String nip = Invoices.randomNip();
        String ksefToken = KSEF.seedToken(nip, WRITE_READ);
        Tokens tokens = KSEF.login(ksefToken, nip);
        Session session = KSEF.openSession(tokens.accessToken());
        byte[] xml = Invoices.fa3(nip, "A-1");

        JsonNode status = KSEF.sendAndAwait(tokens.accessToken(), session, xml);

        assertThat(status.at("/status/code").asInt()).as(status.toString()).isEqualTo(200);
        String ksefNumber = status.get("ksefNumber").asText();
        assertThat(KsefNumber.isValid(ksefNumber)).isTrue();
        assertThat(ksefNumber).startsWith(nip + "-");
        assertThat(status.get("invoicingMode").asText()).isEqualTo("Online");
        byte[] upo = download(status.get("upoDownloadUrl").asText());
        assertThat(new String(upo, StandardCharsets.UTF_8)).contains(ksefNumber).contains(session.referenceNumber());
        assertValidUpo(upo);
        JsonNode listed = KSEF.call(HttpMethod.GET, "/sim/v1/invoices?sellerNip=" + nip, null, null).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("invoiceHash").asText()).isEqualTo(ClientCrypto.sha256(xml));
        assertThat(output.getAll()).doesNotContain(ksefToken.substring(ksefToken.lastIndexOf('|') + 1))
                .doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    }

    @Test
    void reportsADuplicateWith440AndTheOriginalKsefNumber() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session first = KSEF.openSession(tokens.accessToken());
        JsonNode original = KSEF.sendAndAwait(tokens.accessToken(), first, Invoices.fa3(nip, "DUP-1"));
        Session second = KSEF.openSession(tokens.accessToken());

        JsonNode duplicate = KSEF.sendAndAwait(tokens.accessToken(), second, Invoices.fa3(nip, "DUP-1"));

        assertThat(duplicate.at("/status/code").asInt()).isEqualTo(440);
        assertThat(duplicate.at("/status/extensions/originalKsefNumber").asText())
                .isEqualTo(original.get("ksefNumber").asText());
        assertThat(duplicate.at("/status/extensions/originalSessionReferenceNumber").asText())
                .isEqualTo(first.referenceNumber());
        assertThat(KSEF.call(HttpMethod.GET, "/sim/v1/invoices?sellerNip=" + nip, null, null).json()).hasSize(1);
    }

    @Test
    void rejectsASchemaInvalidInvoiceWith430AndDetails() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        byte[] broken = new String(Invoices.fa3(nip, "BAD-1"), StandardCharsets.UTF_8)
                .replace("<RodzajFaktury>VAT</RodzajFaktury>", "<RodzajFaktury>NOPE</RodzajFaktury>")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode status = KSEF.sendAndAwait(tokens.accessToken(), session, broken);

        assertThat(status.at("/status/code").asInt()).isEqualTo(430);
        assertThat(status.at("/status/details")).isNotEmpty();
        assertThat(status.has("ksefNumber")).isFalse();
    }

    @Test
    void rejectsAFutureIssueDateWith450AndAForeignSellerWith410() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Warsaw")).plusDays(1);

        JsonNode future = KSEF.sendAndAwait(tokens.accessToken(), session, Invoices.fa3(nip, "F-1", tomorrow));
        JsonNode foreign = KSEF.sendAndAwait(tokens.accessToken(), session, Invoices.fa3(Invoices.randomNip(), "F-2"));

        assertThat(future.at("/status/code").asInt()).isEqualTo(450);
        assertThat(foreign.at("/status/code").asInt()).isEqualTo(410);
    }

    @Test
    void rejectsAHashMismatchWith21403InBothErrorFormats() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        Map<String, Object> request = new HashMap<>(KSEF.sendRequest(session, Invoices.fa3(nip, "H-1")));
        request.put("invoiceHash", ClientCrypto.sha256("something else".getBytes(StandardCharsets.UTF_8)));

        Reply legacy = KSEF.send(tokens.accessToken(), session, request, Map.of());
        Reply problem = KSEF.send(tokens.accessToken(), session, request, Map.of("X-Error-Format", "problem-details"));

        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21403);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.json().at("/errors/0/code").asInt()).isEqualTo(21403);
    }

    @Test
    void closesTheSessionAndPublishesASessionUpo() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        KSEF.sendAndAwait(tokens.accessToken(), session, Invoices.fa3(nip, "S-1"));

        Reply closed = KSEF.call(HttpMethod.POST, "/v2/sessions/online/" + session.referenceNumber() + "/close",
                tokens.accessToken(), null);
        JsonNode status = KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, "/v2/sessions/" + session.referenceNumber(),
                tokens.accessToken(), null).json(), s -> s.at("/status/code").asInt() >= 200);

        assertThat(closed.status()).isEqualTo(204);
        assertThat(status.at("/status/code").asInt()).isEqualTo(200);
        assertThat(status.get("successfulInvoiceCount").asInt()).isEqualTo(1);
        assertValidUpo(download(status.at("/upo/pages/0/downloadUrl").asText()));
        String base = "/v2/sessions/" + session.referenceNumber();
        Reply listed = KSEF.call(HttpMethod.GET, base + "/invoices", tokens.accessToken(), null);
        Reply upo = KSEF.call(HttpMethod.GET, base + "/upo/" + status.at("/upo/pages/0/referenceNumber").asText(),
                tokens.accessToken(), null);
        Reply sendAfterClose = KSEF.send(tokens.accessToken(), session,
                KSEF.sendRequest(session, Invoices.fa3(nip, "S-2")), Map.of());
        assertThat(listed.json().get("invoices")).hasSize(1);
        assertThat(upo.status()).isEqualTo(200);
        assertThat(upo.headers().getFirst("x-ms-meta-hash")).isEqualTo(sha256(upo.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(sendAfterClose.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21180);
    }
    @Test
    void listsASessionsInvoicesPageByPageWithTheStatusEachOneAnswersAlone() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        List<JsonNode> alone = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            alone.add(KSEF.sendAndAwait(tokens.accessToken(), session, Invoices.fa3(nip, "L-" + i)));
        }
        alone.add(KSEF.sendAndAwait(tokens.accessToken(), session, Invoices.fa3(nip, "L-1")));
        String base = "/v2/sessions/" + session.referenceNumber();

        JsonNode first = KSEF.call(HttpMethod.GET, base + "/invoices?pageSize=10", tokens.accessToken(), null).json();
        String token = first.get("continuationToken").asText();
        JsonNode second = KSEF.call(HttpMethod.GET, base + "/invoices?pageSize=10", tokens.accessToken(), null,
                Map.of("x-continuation-token", token)).json();
        JsonNode failed = KSEF.call(HttpMethod.GET, base + "/invoices/failed?pageSize=10", tokens.accessToken(), null)
                .json();

        List<JsonNode> listed = new java.util.ArrayList<>();
        first.get("invoices").forEach(listed::add);
        second.get("invoices").forEach(listed::add);
        assertThat(first.get("invoices")).hasSize(10);
        assertThat(second.get("invoices")).hasSize(2);
        assertThat(second.path("continuationToken").isNull() || second.path("continuationToken").isMissingNode())
                .as(second.toString()).isTrue();
        assertThat(listed).extracting(i -> i.get("ordinalNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
                10, 11, 12);
        for (int i = 0; i < 12; i++) {
            JsonNode one = alone.get(i);
            JsonNode inList = listed.get(i);
            assertThat(inList.get("referenceNumber").asText()).isEqualTo(one.get("referenceNumber").asText());
            assertThat(inList.get("invoiceHash").asText()).isEqualTo(one.get("invoiceHash").asText());
            assertThat(inList.get("status")).isEqualTo(one.get("status"));
            assertThat(inList.path("ksefNumber").asText(null)).isEqualTo(one.path("ksefNumber").asText(null));
            assertThat(inList.hasNonNull("upoDownloadUrl")).isEqualTo(one.hasNonNull("upoDownloadUrl"));
        }
        assertThat(listed.get(11).at("/status/code").asInt()).isEqualTo(440);
        assertThat(failed.get("invoices")).singleElement().satisfies(f -> assertThat(f.get("referenceNumber").asText())
                .isEqualTo(alone.get(11).get("referenceNumber").asText()));
        Reply badToken = KSEF.call(HttpMethod.GET, base + "/invoices?pageSize=10", tokens.accessToken(), null,
                Map.of("x-continuation-token", "not base64!"));
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21418);
    }

    private static byte[] download(String url) {
        URI uri = URI.create(url);
        String pathAndQuery = uri.getRawPath() + "?" + uri.getRawQuery();
        Reply reply = KSEF.call(HttpMethod.GET, pathAndQuery, null, null);
        assertThat(reply.status()).isEqualTo(200);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        assertThat(reply.headers().getFirst("x-ms-meta-hash")).isEqualTo(sha256(body));
        return body;
    }

    /** Valid against the official UPO v4-3 XSD once the TE suffix (which the XSD fixes away) is removed. */
    private static void assertValidUpo(byte[] upo) throws Exception {
        String text = new String(upo, StandardCharsets.UTF_8);
        assertThat(text).contains("<NazwaPodmiotuPrzyjmujacego>Ministerstwo Finansów - środowisko testowe (TE)<");
        String official = text.replace("Ministerstwo Finansów - środowisko testowe (TE)", "Ministerstwo Finansów");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(InvoiceSubmissionIT.class.getResource("/dev/ksefplatform/ksef/xsd/upo/upo-v4-3.xsd"))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(official.getBytes(StandardCharsets.UTF_8))));
    }

    private static String sha256(byte[] body) {
        try {
            return ClientCrypto.sha256(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
