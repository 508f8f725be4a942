package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.InvoiceQuery.DateType;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.error.KsefExportFailedException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.support.ExportStub;
import dev.ksefplatform.ksef.client.support.ExportStub.StoredInvoice;
import dev.ksefplatform.ksef.client.support.ExportStub.Window;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import dev.ksefplatform.ksef.client.support.MfTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KsefInvoiceExportsTest extends KsefWireMock {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant FROM = Instant.parse("2025-08-28T09:22:13.388Z");
    static final Instant HWM = Instant.parse("2025-09-11T12:00:40.266Z");
    static final InvoiceQuery RECEIVED = new InvoiceQuery(SubjectType.Subject2, DateType.PermanentStorage, FROM, null, true);

    @TempDir
    Path tempDirectory;

    @BeforeEach
    void givenKsefExportsPackages() {
        publishMfKeys();
        givenExportEndpoints();
    }

    static void givenExportEndpoints() {
        KSEF.stubFor(post(urlEqualTo("/v2/invoices/exports")).willReturn(aResponse().withTransformers(ExportStub.NAME)));
        KSEF.stubFor(get(urlPathMatching("/v2/invoices/exports/.*")).willReturn(aResponse().withTransformers(ExportStub.NAME)));
        KSEF.stubFor(get(urlPathMatching("/storage/export/.*")).willReturn(aResponse().withTransformers(ExportStub.NAME)));
    }

    @Test
    void downloadsDecryptsAndUnzipsAPackageSplitIntoParts() throws Exception {
        Map<String, byte[]> stored = invoices("5265877635-20250901-0100A0B1C2D3-4F", "5265877635-20250902-0100A0B1C2D4-50",
                "5265877635-20250903-0100A0B1C2D5-51");
        ExportStub.window(FROM, window(stored, false, 2_000));

        try (ExportPackage pkg = exportingClient().invoiceExports().export("access-jwt", RECEIVED, false, Duration.ofSeconds(5))) {
            assertThat(pkg.metadata()).extracting(InvoiceMetadata::ksefNumber).containsExactlyElementsOf(stored.keySet());
            Map<String, byte[]> received = new LinkedHashMap<>();
            pkg.forEachInvoice((metadata, xml) -> received.put(metadata.ksefNumber(), xml));
            assertThat(received).containsExactlyEntriesOf(stored);
            assertThat(pkg.status().truncated()).isFalse();
            assertThat(pkg.status().permanentStorageHwmDate()).isEqualTo(HWM);
            assertThat(pkg.status().parts()).hasSizeGreaterThan(2);
            assertThat(pkg.metadata().get(0).sellerNip()).isEqualTo("5265877635");
            assertThat(leftovers()).as("the package ZIP while open").hasSize(1);
        }

        JsonNode request = JSON.readTree(KSEF.findAll(postRequestedFor(urlEqualTo("/v2/invoices/exports"))).get(0).getBodyAsString());
        assertThat(request.at("/filters/subjectType").asText()).isEqualTo("Subject2");
        assertThat(request.at("/filters/dateRange/dateType").asText()).isEqualTo("PermanentStorage");
        assertThat(request.at("/filters/dateRange/restrictToPermanentStorageHwmDate").asBoolean()).isTrue();
        assertThat(request.at("/encryption/publicKeyId").asText())
                .isEqualTo(MfTestKeys.publicKeyId(MfTestKeys.SYMMETRIC_KEY.getPublic()));
        assertThat(KSEF.findAll(getRequestedFor(urlPathMatching("/storage/export/.*"))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
        assertThat(leftovers()).as("deleted on close").isEmpty();
    }

    @Test
    void rejectsAPartWhoseBytesDoNotMatchItsDeclaredHash() throws Exception {
        ExportStub.window(FROM, window(invoices("5265877635-20250901-0100A0B1C2D3-4F"), false, 1_000));
        KSEF.stubFor(get(urlPathMatching("/storage/export/.*/2")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(new byte[1024])));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> exportingClient().invoiceExports().export("access-jwt", RECEIVED, false, Duration.ofSeconds(5)));

        assertThat(e.getMessage()).contains("part 2").doesNotContain("sig=");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void rejectsAPartWhoseStorageHashHeaderDoesNotMatchItsBytes() throws Exception {
        ExportStub.window(FROM, window(invoices("5265877635-20250901-0100A0B1C2D3-4F"), false, 1_000));
        ExportStub.misreportStorageHash();

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> exportingClient().invoiceExports().export("access-jwt", RECEIVED, false, Duration.ofSeconds(5)));

        assertThat(e.getMessage()).contains("part 1").contains("x-ms-meta-hash").doesNotContain("sig=");
        assertThat(e.retryable()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void failsWithTheFinalExportStatus() {
        ExportStub.window(FROM, window(invoices("5265877635-20250901-0100A0B1C2D3-4F"), false, 1_000));
        KSEF.stubFor(get(urlPathMatching("/v2/invoices/exports/.*")).atPriority(1).willReturn(json(200, """
                {"status":{"code":420,"description":"Zakres filtrowania wykracza poza dostępny zakres danych"}}""")));

        KsefExportFailedException e = catchThrowableOfType(KsefExportFailedException.class,
                () -> exportingClient().invoiceExports().export("access-jwt", RECEIVED, false, Duration.ofSeconds(5)));

        assertThat(e.statusCode()).isEqualTo(420);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void downloadsASingleInvoiceAndChecksItsHash() throws Exception {
        byte[] xml = "<Faktura>1</Faktura>".getBytes(StandardCharsets.UTF_8);
        String ksefNumber = "5265877635-20250901-0100A0B1C2D3-4F";
        KSEF.stubFor(get(urlEqualTo("/v2/invoices/ksef/" + ksefNumber)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withHeader("x-ms-meta-hash", dev.ksefplatform.ksef.client.support.Aes.sha256(xml)).withBody(xml)));

        assertThat(client().invoiceQueries().invoice("access-jwt", ksefNumber)).isEqualTo(xml);
        KSEF.verify(getRequestedFor(urlEqualTo("/v2/invoices/ksef/" + ksefNumber))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer access-jwt"))
                .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/xml")));
    }

    @Test
    void rejectsASingleInvoiceWhoseBytesDoNotMatchTheDeclaredHash() {
        String ksefNumber = "5265877635-20250901-0100A0B1C2D3-4F";
        KSEF.stubFor(get(urlEqualTo("/v2/invoices/ksef/" + ksefNumber)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withHeader("x-ms-meta-hash", "EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=").withBody("<Faktura>")));

        KsefUnexpectedResponseException e = catchThrowableOfType(KsefUnexpectedResponseException.class,
                () -> client().invoiceQueries().invoice("access-jwt", ksefNumber));

        assertThat(e.getMessage()).contains("x-ms-meta-hash");
    }

    private KsefClient exportingClient() {
        return clientBuilder().tempDirectory(tempDirectory).build();
    }

    private List<Path> leftovers() throws Exception {
        try (var files = Files.list(tempDirectory)) {
            return files.toList();
        }
    }

    static Window window(Map<String, byte[]> invoices, boolean truncated, int partSize) {
        Instant at = Instant.parse("2025-09-01T10:00:00Z");
        return new Window(invoices.entrySet().stream().map(e -> new StoredInvoice(e.getKey(), at, e.getValue())).toList(),
                truncated, at, HWM, partSize);
    }

    static Map<String, byte[]> invoices(String... ksefNumbers) {
        Random random = new Random(7);
        Map<String, byte[]> invoices = new LinkedHashMap<>();
        for (String ksefNumber : ksefNumbers) {
            byte[] noise = new byte[1500];
            random.nextBytes(noise);
            invoices.put(ksefNumber, ("<Faktura><Uwagi>" + java.util.Base64.getEncoder().encodeToString(noise)
                    + "</Uwagi></Faktura>").getBytes(StandardCharsets.UTF_8));
        }
        return invoices;
    }
}
