package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.deploy.StackSettings;
import dev.ksefplatform.ksef.id.Nip;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The documents of a submission over the whole platform (one JVM, embedded Kafka and PostgreSQL, the KSeF simulator):
 * an invoice submitted over REST and accepted by KSeF is served back byte for byte, and its UPO — fetched by the
 * worker, kept by sync-service — validates against the official UPO XSD and names the invoice's KSeF number; another
 * tenant reads neither.
 */
class SubmissionDocumentsIT {

    private static final Duration FINAL = Duration.ofSeconds(90);
    private static final Random RANDOM = new Random(20261211L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String UPO_NAMESPACE = "http://upo.schematy.mf.gov.pl/KSeF/v4-3";
    /** The TE environment names itself so (official TE samples); the schema's enumeration knows only production. */
    private static final String TE_RECEIVER = "Ministerstwo Finansów - środowisko testowe (TE)";

    private static PlatformStack stack;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line));
        client = new PlatformClient(stack);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anAcceptedInvoicesXmlAndUpoAreServedToItsTenantOnly() throws Exception {
        Tenant a = client.onboard("Sigma sp. z o.o.", randomNip());
        Tenant b = client.onboard("Tau sp. z o.o.", randomNip());
        byte[] submitted = SampleInvoices.fa3(a.nip(), "FV/DOC/" + System.nanoTime(), LocalDate.now());
        String commandId = client.submitInvoice(a, submitted, "application/xml").body().get("commandId").asText();

        JsonNode invoice = awaitAccepted(a, commandId);
        HttpResponse<byte[]> upo = awaitDocument(a, commandId, "upo");
        HttpResponse<byte[]> xml = get(a, "/api/v1/invoices/" + commandId + "/xml");

        String ksefNumber = invoice.path("ksefNumber").asText();
        assertThat(invoice.path("links").path("upo").asText()).isEqualTo("/api/v1/invoices/" + commandId + "/upo");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).isEqualTo(submitted);
        assertThat(xml.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + sha256(submitted) + ":");
        validateUpo(upo.body());
        assertThat(upoKsefNumbers(upo.body())).containsExactly(ksefNumber);
        for (String kind : List.of("xml", "upo")) {
            HttpResponse<byte[]> foreign = get(b, "/api/v1/invoices/" + commandId + "/" + kind);
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(foreign.body()).path("type").asText()).endsWith("/command-not-found");
        }
    }

    private static JsonNode awaitAccepted(Tenant tenant, String commandId) {
        long deadline = System.nanoTime() + FINAL.toNanos();
        JsonNode body = client.invoiceStatus(tenant, commandId).body();
        while (!body.path("status").asText().equals("ACCEPTED")) {
            assertThat(body.path("status").asText()).isIn("PENDING", "SENT");
            assertThat(System.nanoTime()).as("%s still %s", commandId, body).isLessThan(deadline);
            sleep(100);
            body = client.invoiceStatus(tenant, commandId).body();
        }
        return body;
    }

    /** 404 {@code upo-not-available-yet} until the worker has fetched the UPO and sync-service has kept it. */
    private static HttpResponse<byte[]> awaitDocument(Tenant tenant, String commandId, String kind) throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        HttpResponse<byte[]> response = get(tenant, "/api/v1/invoices/" + commandId + "/" + kind);
        while (response.statusCode() != 200) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("type").asText()).endsWith("-not-available-yet");
            assertThat(System.nanoTime()).as("no %s for %s", kind, commandId).isLessThan(deadline);
            sleep(200);
            response = get(tenant, "/api/v1/invoices/" + commandId + "/" + kind);
        }
        return response;
    }

    private static HttpResponse<byte[]> get(Tenant tenant, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Throws when the UPO is not valid against upo-v4-3.xsd (apart from the TE receiver name). */
    private static void validateUpo(byte[] upo) throws Exception {
        String asProduction = new String(upo, StandardCharsets.UTF_8).replace(TE_RECEIVER, "Ministerstwo Finansów");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SubmissionDocumentsIT.class.getResource("/dev/ksefplatform/ksef/xsd/upo/upo-v4-3.xsd"))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(asProduction.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> upoKsefNumbers(byte[] upo) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(upo))
                .getElementsByTagNameNS(UPO_NAMESPACE, "NumerKSeFDokumentu");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            numbers.add(nodes.item(i).getTextContent().trim());
        }
        return numbers;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String randomNip() {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + RANDOM.nextInt(9), RANDOM.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
