package dev.ksefplatform.ksef.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.support.Aes;
import dev.ksefplatform.ksef.client.support.KsefWireMock;
import dev.ksefplatform.ksef.client.support.MfTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KsefBatchSessionsTest extends KsefWireMock {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION_REF = "20250626-SB-213D593000-4DE10D80A5-E9";
    static final int PART_SIZE = 10_000;

    @TempDir
    Path tempDirectory;

    @BeforeEach
    void givenKsefOpensBatchSessionsWithStorageLinks() {
        publishMfKeys();
        StringBuilder requests = new StringBuilder();
        for (int n = 1; n <= 50; n++) {
            requests.append(n > 1 ? "," : "").append("""
                    {"ordinalNumber":%d,"method":"PUT","url":"%s/storage/batch-parts/%d?sp=w&sig=secret%%3D",
                     "headers":{"x-ms-blob-type":"BlockBlob"}}""".formatted(n, KSEF.baseUrl(), n));
        }
        KSEF.stubFor(post(urlEqualTo("/v2/sessions/batch")).willReturn(json(201, """
                {"referenceNumber":"%s","partUploadRequests":[%s]}""".formatted(SESSION_REF, requests))));
        KSEF.stubFor(put(urlPathMatching("/storage/batch-parts/.*")).willReturn(aResponse().withStatus(201)));
        KSEF.stubFor(post(urlEqualTo("/v2/sessions/batch/" + SESSION_REF + "/close")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void uploadsEncryptedPartsThatDecryptAndConcatenateBackToTheDeclaredZip() throws Exception {
        Map<String, byte[]> invoices = invoices(12);
        List<BatchInvoice> batch = new ArrayList<>();
        int i = 0;
        for (var invoice : invoices.entrySet()) {
            batch.add(i++ % 2 == 0 ? BatchInvoice.of(invoice.getKey(), invoice.getValue())
                    : BatchInvoice.of(Files.write(Files.createDirectories(tempDirectory.resolve("in"))
                            .resolve(invoice.getKey()), invoice.getValue())));
        }

        BatchSubmission submission = client(tempDirectory).batchSessions().submit("access-jwt", FormCode.FA3, batch);

        JsonNode open = JSON.readTree(KSEF.findAll(postRequestedFor(urlEqualTo("/v2/sessions/batch"))).get(0).getBodyAsString());
        assertThat(open.at("/encryption/publicKeyId").asText())
                .isEqualTo(MfTestKeys.publicKeyId(MfTestKeys.SYMMETRIC_KEY.getPublic()));
        Aes aes = Aes.unwrap(open.at("/encryption/encryptedSymmetricKey").asText(),
                open.at("/encryption/initializationVector").asText());
        List<LoggedRequest> uploads = KSEF.findAll(putRequestedFor(urlPathMatching("/storage/batch-parts/.*")));
        uploads.sort(Comparator.comparingInt(KsefBatchSessionsTest::ordinal));
        JsonNode declaredParts = open.at("/batchFile/fileParts");
        assertThat(uploads).hasSize(declaredParts.size()).hasSize(submission.partCount());
        assertThat(submission.partCount()).isGreaterThan(2);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        for (int p = 0; p < uploads.size(); p++) {
            LoggedRequest upload = uploads.get(p);
            JsonNode declared = declaredParts.get(p);
            assertThat(declared.get("ordinalNumber").asInt()).isEqualTo(ordinal(upload));
            assertThat(upload.containsHeader("Authorization")).isFalse();
            assertThat(upload.getHeader("x-ms-blob-type")).isEqualTo("BlockBlob");
            assertThat((long) upload.getBody().length).isEqualTo(declared.get("fileSize").asLong());
            assertThat(Aes.sha256(upload.getBody())).isEqualTo(declared.get("fileHash").asText());
            byte[] plain = aes.decrypt(upload.getBody());
            assertThat(plain.length).isLessThanOrEqualTo(PART_SIZE);
            archive.write(plain);
        }
        byte[] zip = archive.toByteArray();
        assertThat((long) zip.length).isEqualTo(open.at("/batchFile/fileSize").asLong()).isEqualTo(submission.archiveSize());
        assertThat(Aes.sha256(zip)).isEqualTo(open.at("/batchFile/fileHash").asText()).isEqualTo(submission.archiveHash());
        assertThat(unzip(zip)).containsExactlyEntriesOf(invoices);
        for (var invoice : invoices.entrySet()) {
            assertThat(submission.invoiceHashes()).containsEntry(invoice.getKey(), Aes.sha256(invoice.getValue()));
        }
        assertThat(submission.referenceNumber()).isEqualTo(SESSION_REF);
        KSEF.verify(postRequestedFor(urlEqualTo("/v2/sessions/batch/" + SESSION_REF + "/close"))
                .withHeader("Authorization", equalTo("Bearer access-jwt")));
        assertThat(leftovers()).as("temporary archive and parts are deleted").isEmpty();
    }

    @Test
    void doesNotCloseTheSessionWhenStorageRejectsAPart() throws Exception {
        KSEF.stubFor(put(urlPathMatching("/storage/batch-parts/2")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody("<Error><Code>AuthenticationFailed</Code></Error>")));

        Throwable failure = catchThrowable(() -> client(tempDirectory).batchSessions()
                .submit("access-jwt", FormCode.FA3, invoices(12).entrySet().stream()
                        .map(e -> BatchInvoice.of(e.getKey(), e.getValue())).toList()));

        assertThat(failure).isInstanceOf(KsefException.class);
        assertThat(failure.getMessage()).doesNotContain("secret");
        KSEF.verify(0, postRequestedFor(urlEqualTo("/v2/sessions/batch/" + SESSION_REF + "/close")));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void refusesAnArchiveThatNeedsMoreThanFiftyParts() throws Exception {
        Throwable failure = catchThrowable(() -> clientBuilder().tempDirectory(tempDirectory).batchPartSize(100).build()
                .batchSessions().submit("access-jwt", FormCode.FA3, invoices(3).entrySet().stream()
                        .map(e -> BatchInvoice.of(e.getKey(), e.getValue())).toList()));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
        KSEF.verify(0, postRequestedFor(urlEqualTo("/v2/sessions/batch")));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void waitsUntilTheBatchIsProcessedAndListsItsInvoices() {
        String status = "/v2/sessions/" + SESSION_REF;
        KSEF.stubFor(get(urlEqualTo(status)).inScenario("batch").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done").willReturn(json(200, """
                        {"status":{"code":150,"description":"Trwa przetwarzanie"},"dateCreated":"2025-06-26T09:00:00+00:00",
                         "dateUpdated":"2025-06-26T09:00:00+00:00"}""")));
        KSEF.stubFor(get(urlEqualTo(status)).inScenario("batch").whenScenarioStateIs("done").willReturn(json(200, """
                {"status":{"code":200,"description":"Sesja wsadowa przetworzona pomyślnie"},"invoiceCount":2,
                 "successfulInvoiceCount":1,"failedInvoiceCount":1,"dateCreated":"2025-06-26T09:00:00+00:00",
                 "dateUpdated":"2025-06-26T09:01:00+00:00"}""")));
        KSEF.stubFor(get(urlPathMatching(status + "/invoices")).willReturn(json(200, """
                {"invoices":[{"ordinalNumber":1,"referenceNumber":"20250626-EE-2F20AD2000-242386DF86-52",
                  "invoiceHash":"EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=","invoicingDate":"2025-06-26T09:00:00+00:00",
                  "ksefNumber":"5265877635-20250626-010080DD2B5E-26","status":{"code":200,"description":"Sukces"}},
                 {"ordinalNumber":2,"referenceNumber":"20250626-EE-2F20AD2000-242386DF86-53",
                  "invoiceHash":"miYb1z3Ljw5VucTZslv3Tlt+V/EK1V8Q8evD8HMQ0dc=","invoicingDate":"2025-06-26T09:00:00+00:00",
                  "status":{"code":450,"description":"Błąd weryfikacji semantyki dokumentu faktury"}}]}""")));

        SessionStatus processed = client().batchSessions().awaitProcessed("access-jwt", SESSION_REF, Duration.ofSeconds(5));
        List<SessionInvoice> results = client().batchSessions().invoices("access-jwt", SESSION_REF);

        assertThat(processed.code()).isEqualTo(200);
        assertThat(processed.failedInvoiceCount()).isEqualTo(1);
        assertThat(results).extracting(r -> r.status().code()).containsExactly(200, 450);
        assertThat(results.get(0).invoiceHash()).isEqualTo("EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=");
    }

    private KsefClient client(Path temp) {
        return clientBuilder().tempDirectory(temp).batchPartSize(PART_SIZE).uploadParallelism(3).build();
    }

    private List<Path> leftovers() throws Exception {
        try (var files = Files.list(tempDirectory)) {
            return files.filter(f -> !f.getFileName().toString().equals("in")).toList();
        }
    }

    /** Invoices with random content, so the ZIP cannot shrink them below several parts. */
    static Map<String, byte[]> invoices(int count) {
        Random random = new Random(42);
        Map<String, byte[]> invoices = new LinkedHashMap<>();
        for (int n = 1; n <= count; n++) {
            byte[] noise = new byte[3000];
            random.nextBytes(noise);
            invoices.put("FV-" + n + ".xml", ("<Faktura><P_2>FV/" + n + "</P_2><Uwagi>"
                    + java.util.Base64.getEncoder().encodeToString(noise) + "</Uwagi></Faktura>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return invoices;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static int ordinal(LoggedRequest upload) {
        String path = upload.getUrl().split("\\?")[0];
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }
}
