package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Blob;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Receiving invoices: metadata queries by subject type with the HWM, download by KSeF number and
 * encrypted exports. One invoice from a seller to a buyer is shared by all tests (the metadata
 * query allows only 20 requests an hour per context). Every /v2 response is checked against openapi.json.
 */
class ReceivingIT {

    private static final KsefTestClient KSEF = RunningSimulator.client();
    private static final List<String> WRITE_READ = List.of("InvoiceWrite", "InvoiceRead");
    private static String seller;
    private static String buyer;
    private static String buyerAccess;
    private static byte[] xml;
    private static String ksefNumber;

    @BeforeAll
    static void sellerSendsAnInvoiceToTheBuyer() throws Exception {
        seller = Invoices.randomNip();
        buyer = Invoices.randomNip();
        String sellerAccess = KSEF.login(KSEF.seedToken(seller, WRITE_READ), seller).accessToken();
        buyerAccess = KSEF.login(KSEF.seedToken(buyer, List.of("InvoiceRead")), buyer).accessToken();
        xml = new String(Invoices.fa3(seller, "R-1"), StandardCharsets.UTF_8).replace("1111111111", buyer)
                .getBytes(StandardCharsets.UTF_8);
        JsonNode status = KSEF.sendAndAwait(sellerAccess, KSEF.openSession(sellerAccess), xml);
        assertThat(status.at("/status/code").asInt()).as(status.toString()).isEqualTo(200);
        ksefNumber = status.get("ksefNumber").asText();
        Instant stored = Instant.parse(status.get("permanentStorageDate").asText());
        KsefTestClient.await(Instant::now, now -> now.isAfter(stored.plusMillis(50)));
    }

    @Test
    void theBuyerFindsTheInvoiceAsSubject2BelowTheHighWaterMark() {
        Reply asBuyer = query(buyerAccess, "Subject2", Instant.now().minus(Duration.ofHours(1)), 10);
        Reply asSeller = query(buyerAccess, "Subject1", Instant.now().minus(Duration.ofHours(1)), 10);

        assertThat(asBuyer.json().get("invoices")).extracting(i -> i.get("ksefNumber").asText()).containsExactly(ksefNumber);
        JsonNode metadata = asBuyer.json().at("/invoices/0");
        assertThat(metadata.at("/seller/nip").asText()).isEqualTo(seller);
        assertThat(metadata.at("/buyer/identifier/value").asText()).isEqualTo(buyer);
        assertThat(metadata.get("grossAmount").decimalValue()).isEqualByComparingTo("53.63");
        assertThat(metadata.get("invoiceHash").asText()).isEqualTo(sha256(xml));
        assertThat(Instant.parse(asBuyer.json().get("permanentStorageHwmDate").asText()))
                .isAfterOrEqualTo(Instant.parse(metadata.get("permanentStorageDate").asText()));
        assertThat(asBuyer.json().get("hasMore").asBoolean()).isFalse();
        assertThat(asSeller.json().get("invoices")).isEmpty();
    }

    @Test
    void rejectsASmallPageAndAFromPastTheHighWaterMark() {
        Reply smallPage = query(buyerAccess, "Subject2", Instant.now().minus(Duration.ofHours(1)), 5);
        Reply future = query(buyerAccess, "Subject2", Instant.now().plus(Duration.ofHours(1)), 10);

        assertThat(code(smallPage)).isEqualTo(21405);
        assertThat(code(future)).isEqualTo(21183);
    }

    @Test
    void theBuyerDownloadsTheInvoiceByKsefNumber() {
        Reply invoice = KSEF.call(HttpMethod.GET, "/v2/invoices/ksef/" + ksefNumber, buyerAccess, null);
        Reply unknown = KSEF.call(HttpMethod.GET, "/v2/invoices/ksef/" + ksefNumber.replace(seller, buyer),
                buyerAccess, null);

        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(xml);
        assertThat(invoice.headers().getFirst("x-ms-meta-hash")).isEqualTo(sha256(xml));
        assertThat(code(unknown)).isEqualTo(21164);
    }

    @Test
    void exportsTheInvoiceAndItsMetadataAsAnEncryptedZip() throws Exception {
        byte[] key = ClientCrypto.random(32);
        byte[] iv = ClientCrypto.random(16);
        Map<String, Object> request = Map.of(
                "encryption", Map.of("encryptedSymmetricKey",
                        ClientCrypto.b64(ClientCrypto.rsaOaep(KSEF.publicKey("SymmetricKeyEncryption"), key)),
                        "initializationVector", ClientCrypto.b64(iv)),
                "filters", filters("Subject2", Instant.now().minus(Duration.ofHours(1))));

        Reply started = KSEF.call(HttpMethod.POST, "/v2/invoices/exports", buyerAccess, request);
        String path = "/v2/invoices/exports/" + started.json().get("referenceNumber").asText();
        JsonNode status = KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, path, buyerAccess, null).json(),
                s -> s.at("/status/code").asInt() >= 200, Duration.ofMillis(120));
        JsonNode part = status.at("/package/parts/0");
        Blob encrypted = KSEF.storage(HttpMethod.GET, part.get("url").asText(), null, Map.of());
        byte[] plain = decrypt(key, iv, encrypted.body());
        Map<String, byte[]> files = unzip(plain);

        assertThat(started.status()).isEqualTo(201);
        assertThat(status.at("/status/code").asInt()).isEqualTo(200);
        assertThat(status.at("/package/invoiceCount").asInt()).isEqualTo(1);
        assertThat(status.at("/package/isTruncated").asBoolean()).isFalse();
        assertThat(sha256(encrypted.body())).isEqualTo(part.get("encryptedPartHash").asText());
        assertThat(encrypted.headers().getFirst("x-ms-meta-hash")).isEqualTo(part.get("encryptedPartHash").asText());
        assertThat(sha256(plain)).isEqualTo(part.get("partHash").asText());
        assertThat(files.get(ksefNumber + ".xml")).isEqualTo(xml);
        JsonNode metadata = new ObjectMapper().readTree(files.get("_metadata.json"));
        assertThat(metadata.at("/invoices/0/ksefNumber").asText()).isEqualTo(ksefNumber);
        assertThat(KSEF.storage(HttpMethod.GET, part.get("url").asText().replaceAll("sig=[^&]+", "sig=x"), null,
                Map.of()).status()).isEqualTo(403);
    }

    @Test
    void everyPageOfOneQueryHasTheSameHighWaterMarkWhileInvoicesKeepArriving() {
        String otherBuyer = Invoices.randomNip();
        String access = loginRead(otherBuyer);
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant stored = from;
        for (int i = 1; i <= 12; i++) {
            stored = inject(otherBuyer, "PAGE-" + i);
        }
        awaitStored(stored);
        Reply first = query(access, "Subject2", from, 10, 0, "Asc");

        awaitStored(inject(otherBuyer, "PAGE-LATE"));
        Reply second = query(access, "Subject2", from, 10, 1, "Asc");
        Reply descending = query(access, "Subject2", from, 10, 1, "Desc");
        Reply fresh = query(access, "Subject2", from, 10, 0, "Asc");

        Instant hwm = Instant.parse(first.json().get("permanentStorageHwmDate").asText());
        assertThat(second.json().get("permanentStorageHwmDate").asText()).isEqualTo(first.json().get("permanentStorageHwmDate").asText());
        assertThat(descending.json().get("permanentStorageHwmDate").asText()).isEqualTo(first.json().get("permanentStorageHwmDate").asText());
        assertThat(first.json().get("invoices")).hasSize(10);
        assertThat(second.json().get("invoices")).as("the snapshot of page 0: no late invoice").hasSize(2);
        assertThat(descending.json().get("invoices")).hasSize(2);
        assertThat(Instant.parse(fresh.json().get("permanentStorageHwmDate").asText())).isAfter(hwm);
        assertThat(fresh.json().get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void anExportStartingPastTheHighWaterMarkIsAcceptedAndEndsWithStatus420() throws Exception {
        Map<String, Object> request = Map.of(
                "encryption", Map.of("encryptedSymmetricKey", ClientCrypto.b64(ClientCrypto.rsaOaep(
                                KSEF.publicKey("SymmetricKeyEncryption"), ClientCrypto.random(32))),
                        "initializationVector", ClientCrypto.b64(ClientCrypto.random(16))),
                "filters", filters("Subject2", Instant.now().plus(Duration.ofHours(1))));

        Reply started = KSEF.call(HttpMethod.POST, "/v2/invoices/exports", buyerAccess, request);
        String path = "/v2/invoices/exports/" + started.json().get("referenceNumber").asText();
        JsonNode status = KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, path, buyerAccess, null).json(),
                s -> s.at("/status/code").asInt() >= 200, Duration.ofMillis(120));

        assertThat(started.status()).isEqualTo(201);
        assertThat(status.at("/status/code").asInt()).isEqualTo(420);
        assertThat(status.has("package")).isFalse();
    }

    @Test
    void injectedInvoicesReachTheBuyerWithoutASellerSession() {
        String otherBuyer = Invoices.randomNip();
        String access = loginRead(otherBuyer);
        byte[] injected = new String(Invoices.fa3(Invoices.randomNip(), "INJ-1"), StandardCharsets.UTF_8)
                .replace("1111111111", otherBuyer).getBytes(StandardCharsets.UTF_8);

        Reply created = KSEF.call(HttpMethod.POST, "/sim/v1/invoices/received", null, injected);
        Reply again = KSEF.call(HttpMethod.POST, "/sim/v1/invoices/received", null, injected);
        Instant stored = Instant.parse(created.json().get("permanentStorageDate").asText());
        KsefTestClient.await(Instant::now, now -> now.isAfter(stored.plusMillis(50)));
        Reply found = query(access, "Subject2", Instant.now().minus(Duration.ofHours(1)), 10);

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(400);
        assertThat(found.json().get("invoices")).extracting(i -> i.get("ksefNumber").asText())
                .containsExactly(created.json().get("ksefNumber").asText());
    }

    /** An invoice to {@code buyer} from a fresh seller; returns its permanent storage date. */
    private static Instant inject(String buyer, String number) {
        byte[] injected = new String(Invoices.fa3(Invoices.randomNip(), number), StandardCharsets.UTF_8)
                .replace("1111111111", buyer).getBytes(StandardCharsets.UTF_8);
        Reply created = KSEF.call(HttpMethod.POST, "/sim/v1/invoices/received", null, injected);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Instant.parse(created.json().get("permanentStorageDate").asText());
    }

    private static void awaitStored(Instant stored) {
        KsefTestClient.await(Instant::now, now -> now.isAfter(stored.plusMillis(5)));
    }

    private static String loginRead(String nip) {
        try {
            return KSEF.login(KSEF.seedToken(nip, List.of("InvoiceRead")), nip).accessToken();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static Reply query(String access, String subjectType, Instant from, int pageSize) {
        return query(access, subjectType, from, pageSize, 0, "Asc");
    }

    private static Reply query(String access, String subjectType, Instant from, int pageSize, int pageOffset,
                               String sortOrder) {
        return KSEF.call(HttpMethod.POST, "/v2/invoices/query/metadata?pageSize=" + pageSize + "&pageOffset="
                + pageOffset + "&sortOrder=" + sortOrder, access, filters(subjectType, from));
    }

    private static Map<String, Object> filters(String subjectType, Instant from) {
        return Map.of("subjectType", subjectType, "dateRange", Map.of("dateType", "PermanentStorage",
                "from", from.toString(), "restrictToPermanentStorageHwmDate", true));
    }

    private static byte[] decrypt(byte[] key, byte[] iv, byte[] encrypted) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] data) {
        try {
            return ClientCrypto.sha256(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static int code(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt();
    }
}
