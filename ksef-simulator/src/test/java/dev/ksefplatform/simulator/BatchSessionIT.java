package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.support.BatchFiles;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Batch sessions: a ZIP split into AES-encrypted parts, uploaded to pre-signed URLs, closed and
 * processed invoice by invoice. Every /v2 response is checked against openapi.json.
 */
class BatchSessionIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();

    private record Batch(String referenceNumber, List<String> urls, List<byte[]> encryptedParts) {
    }

    @Test
    void processesEachInvoiceOfAPackageIndependently() throws Exception {
        String nip = Invoices.randomNip();
        String access = access(nip);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.xml", Invoices.fa3(nip, "B-1"));
        files.put("b.xml", Invoices.fa3(nip, "B-2"));
        files.put("c.xml", Invoices.fa3(nip, "B-1"));
        files.put("d.xml", "<Faktura/>".getBytes(StandardCharsets.UTF_8));
        byte[] archive = BatchFiles.zip(files);
        Batch batch = open(access, archive, BatchFiles.split(archive, 3));

        batch.urls().forEach(url -> assertThat(upload(url, batch.encryptedParts().get(batch.urls().indexOf(url))))
                .isEqualTo(201));
        Reply closed = KSEF.call(HttpMethod.POST, "/v2/sessions/batch/" + batch.referenceNumber() + "/close", access, null);
        JsonNode session = awaitSession(access, batch.referenceNumber());
        JsonNode invoices = KSEF.call(HttpMethod.GET, "/v2/sessions/" + batch.referenceNumber()
                + "/invoices?pageSize=10", access, null).json().get("invoices");

        assertThat(closed.status()).as(closed.body()).isEqualTo(204);
        assertThat(session.at("/status/code").asInt()).isEqualTo(200);
        assertThat(session.get("invoiceCount").asInt()).isEqualTo(4);
        assertThat(session.get("successfulInvoiceCount").asInt()).isEqualTo(2);
        assertThat(session.at("/upo/pages/0/downloadUrl").asText()).contains("/storage/upo/");
        Map<String, Integer> byFile = new LinkedHashMap<>();
        invoices.forEach(i -> byFile.put(i.get("invoiceFileName").asText(), i.at("/status/code").asInt()));
        JsonNode received = KSEF.call(HttpMethod.GET, "/sim/v1/stats?contextNip=" + nip, null, null).json()
                .at("/contexts/" + nip);
        assertThat(received.get("invoicesReceived").asInt()).as("every file of the package, once").isEqualTo(4);
        assertThat(received.at("/receivedByHash/" + ClientCrypto.sha256(files.get("b.xml")).replace("/", "~1")).asInt())
                .isEqualTo(1);
        assertThat(received.get("receivedMoreThanOnce").size()).as("a.xml and c.xml are the same document").isEqualTo(1);
        assertThat(byFile).containsEntry("a.xml", 200).containsEntry("b.xml", 200).containsEntry("c.xml", 440)
                .containsEntry("d.xml", 430);
        invoices.forEach(i -> {
            if (i.at("/status/code").asInt() == 200) {
                assertThat(KsefNumber.isValid(i.get("ksefNumber").asText())).isTrue();
            }
        });
    }

    @Test
    void refusesToCloseWithAMissingPartOrAPartOfTheWrongSize() throws Exception {
        String nip = Invoices.randomNip();
        String access = access(nip);
        byte[] archive = BatchFiles.zip(Map.of("a.xml", Invoices.fa3(nip, "M-1")));
        Batch missing = open(access, archive, BatchFiles.split(archive, 2));
        upload(missing.urls().get(0), missing.encryptedParts().get(0));
        Batch wrongSize = open(access, archive, BatchFiles.split(archive, 1));
        upload(wrongSize.urls().get(0), new byte[] {1, 2, 3});

        Reply missingClosed = KSEF.call(HttpMethod.POST, "/v2/sessions/batch/" + missing.referenceNumber() + "/close",
                access, null);
        Reply wrongClosed = KSEF.call(HttpMethod.POST, "/v2/sessions/batch/" + wrongSize.referenceNumber() + "/close",
                access, null);

        assertThat(code(missingClosed)).isEqualTo(21205);
        assertThat(code(wrongClosed)).isEqualTo(21157);
    }

    @Test
    void refusesUploadsWithABadSignature() throws Exception {
        String nip = Invoices.randomNip();
        byte[] archive = BatchFiles.zip(Map.of("a.xml", Invoices.fa3(nip, "S-1")));
        Batch batch = open(access(nip), archive, BatchFiles.split(archive, 1));

        int status = upload(batch.urls().get(0).replaceAll("sig=[^&]+", "sig=forged"), batch.encryptedParts().get(0));

        assertThat(status).isEqualTo(403);
    }

    @Test
    void rejectsTooManyPartsAndOversizedParts() throws Exception {
        String access = access(Invoices.randomNip());
        String hash = ClientCrypto.sha256(new byte[] {1});
        List<Map<String, Object>> fiftyOne = IntStream.rangeClosed(1, 51)
                .mapToObj(n -> Map.<String, Object>of("ordinalNumber", n, "fileSize", 100, "fileHash", hash)).toList();
        List<Map<String, Object>> oversized = List.of(Map.of("ordinalNumber", 1, "fileSize", 100_000_017L,
                "fileHash", hash));

        Reply tooMany = KSEF.call(HttpMethod.POST, "/v2/sessions/batch", access, request(100, hash, fiftyOne));
        Reply tooBig = KSEF.call(HttpMethod.POST, "/v2/sessions/batch", access, request(100_000_000L, hash, oversized));

        assertThat(code(tooMany)).isEqualTo(21161);
        assertThat(code(tooBig)).isEqualTo(21157);
    }

    @Test
    void reportsAnArchiveThatIsNotAZipWith430AndAWrongPartHashWith405() throws Exception {
        String nip = Invoices.randomNip();
        String access = access(nip);
        byte[] notZip = "this is not a zip archive".getBytes(StandardCharsets.UTF_8);
        Batch broken = open(access, notZip, List.of(notZip));
        upload(broken.urls().get(0), broken.encryptedParts().get(0));
        byte[] archive = BatchFiles.zip(Map.of("a.xml", Invoices.fa3(nip, "H-1")));
        Batch tampered = open(access, archive, List.of(archive));
        byte[] part = tampered.encryptedParts().get(0).clone();
        part[0] ^= 1;
        upload(tampered.urls().get(0), part);

        KSEF.call(HttpMethod.POST, "/v2/sessions/batch/" + broken.referenceNumber() + "/close", access, null);
        KSEF.call(HttpMethod.POST, "/v2/sessions/batch/" + tampered.referenceNumber() + "/close", access, null);

        assertThat(awaitSession(access, broken.referenceNumber()).at("/status/code").asInt()).isEqualTo(430);
        assertThat(awaitSession(access, tampered.referenceNumber()).at("/status/code").asInt()).isEqualTo(405);
    }

    private static String access(String nip) throws Exception {
        return KSEF.login(KSEF.seedToken(nip, List.of("InvoiceWrite", "InvoiceRead")), nip).accessToken();
    }

    private static Batch open(String access, byte[] archive, List<byte[]> plainParts) throws Exception {
        byte[] key = ClientCrypto.random(32);
        byte[] iv = ClientCrypto.random(16);
        List<byte[]> encrypted = new ArrayList<>();
        List<Map<String, Object>> declared = new ArrayList<>();
        for (byte[] plain : plainParts) {
            byte[] part = ClientCrypto.aes(key, iv, plain);
            encrypted.add(part);
            declared.add(Map.of("ordinalNumber", encrypted.size(), "fileSize", part.length,
                    "fileHash", ClientCrypto.sha256(part)));
        }
        Map<String, Object> request = new LinkedHashMap<>(request(archive.length, ClientCrypto.sha256(archive), declared));
        request.put("encryption", Map.of("encryptedSymmetricKey",
                ClientCrypto.b64(ClientCrypto.rsaOaep(KSEF.publicKey("SymmetricKeyEncryption"), key)),
                "initializationVector", ClientCrypto.b64(iv)));
        Reply reply = KSEF.call(HttpMethod.POST, "/v2/sessions/batch", access, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        List<String> urls = new ArrayList<>();
        reply.json().get("partUploadRequests").forEach(p -> {
            assertThat(p.get("method").asText()).isEqualTo("PUT");
            assertThat(p.at("/headers/x-ms-blob-type").asText()).isEqualTo("BlockBlob");
            urls.add(p.get("url").asText());
        });
        return new Batch(reply.json().get("referenceNumber").asText(), urls, encrypted);
    }

    private static Map<String, Object> request(long fileSize, String fileHash, List<Map<String, Object>> parts)
            throws Exception {
        return Map.of("formCode", Map.of("systemCode", "FA (3)", "schemaVersion", "1-0E", "value", "FA"),
                "batchFile", Map.of("fileSize", fileSize, "fileHash", fileHash, "fileParts", parts),
                "encryption", Map.of("encryptedSymmetricKey", ClientCrypto.b64(new byte[256]),
                        "initializationVector", ClientCrypto.b64(new byte[16])));
    }

    private static int upload(String url, byte[] part) {
        return KSEF.storage(HttpMethod.PUT, url, part, Map.of("x-ms-blob-type", "BlockBlob")).status();
    }

    private static JsonNode awaitSession(String access, String reference) {
        return KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, "/v2/sessions/" + reference, access, null).json(),
                s -> s.at("/status/code").asInt() >= 200, java.time.Duration.ofMillis(120));
    }

    private static int code(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt();
    }
}
