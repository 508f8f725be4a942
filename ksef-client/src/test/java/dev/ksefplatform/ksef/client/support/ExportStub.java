package dev.ksefplatform.ksef.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The server side of exports, as a WireMock transformer: it unwraps the key each export request sends, and answers
 * with a package for the requested {@code from} — a real ZIP, split and encrypted with that key.
 */
public final class ExportStub implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "export-stub";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An invoice in a package; {@code xml} null leaves its file out of the ZIP. */
    public record StoredInvoice(String ksefNumber, Instant permanentStorageDate, byte[] xml) {
    }

    /** What KSeF returns for one window. */
    public record Window(List<StoredInvoice> invoices, boolean truncated, Instant lastPermanentStorageDate,
                         Instant permanentStorageHwmDate, int partSize) {
    }

    private record Export(Aes aes, Window window) {
    }

    private static final Map<Instant, Window> WINDOWS = new ConcurrentHashMap<>();
    private static final Map<String, Export> EXPORTS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> PARTS = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile boolean misreportStorageHash;

    public static void reset() {
        WINDOWS.clear();
        EXPORTS.clear();
        PARTS.clear();
        misreportStorageHash = false;
    }

    /** Part downloads then carry an {@code x-ms-meta-hash} that is not the hash of their bytes. */
    public static void misreportStorageHash() {
        misreportStorageHash = true;
    }

    public static void window(Instant from, Window window) {
        WINDOWS.put(from, window);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            String path = event.getRequest().getUrl().split("\\?")[0];
            if (path.equals("/v2/invoices/exports")) {
                return start(JSON.readTree(event.getRequest().getBodyAsString()));
            }
            if (path.startsWith("/v2/invoices/exports/")) {
                return status(path.substring(path.lastIndexOf('/') + 1), baseUrl(event));
            }
            byte[] part = PARTS.get(path);
            return part == null ? respond(404, null) : new ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream")
                    .withHeader("x-ms-meta-hash", misreportStorageHash ? Aes.sha256(new byte[1]) : Aes.sha256(part))
                    .withBody(part).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinition start(JsonNode request) throws Exception {
        Aes aes = Aes.unwrap(request.at("/encryption/encryptedSymmetricKey").asText(),
                request.at("/encryption/initializationVector").asText());
        Instant from = Instant.parse(request.at("/filters/dateRange/from").asText());
        Window window = WINDOWS.get(from);
        if (window == null) {
            return respond(400, "{\"errors\":[{\"code\":21405,\"description\":\"no window stubbed for " + from + "\"}]}");
        }
        String reference = "20251010-EH-1B6C9EB000-4B15D3AE%02X-89".formatted(SEQUENCE.incrementAndGet() % 256);
        EXPORTS.put(reference, new Export(aes, window));
        return respond(201, "{\"referenceNumber\":\"" + reference + "\"}");
    }

    private static ResponseDefinition status(String reference, String baseUrl) throws Exception {
        Export export = EXPORTS.get(reference);
        byte[] zip = zip(export.window());
        ObjectNode body = JSON.createObjectNode();
        body.putObject("status").put("code", 200).put("description", "Eksport faktur zakończony sukcesem");
        ObjectNode pkg = body.putObject("package");
        pkg.put("invoiceCount", export.window().invoices().size()).put("size", zip.length)
                .put("isTruncated", export.window().truncated());
        putInstant(pkg, "lastPermanentStorageDate", export.window().lastPermanentStorageDate());
        putInstant(pkg, "permanentStorageHwmDate", export.window().permanentStorageHwmDate());
        ArrayNode parts = pkg.putArray("parts");
        int size = export.window().partSize();
        for (int offset = 0, n = 1; offset < zip.length; offset += size, n++) {
            byte[] plain = Arrays.copyOfRange(zip, offset, Math.min(zip.length, offset + size));
            byte[] encrypted = export.aes().encrypt(plain);
            String partPath = "/storage/export/" + reference + "/" + n;
            PARTS.put(partPath, encrypted);
            parts.addObject().put("ordinalNumber", n).put("partName", reference + "-00" + n + ".zip.aes")
                    .put("method", "GET").put("url", baseUrl + partPath + "?sig=secret")
                    .put("partSize", plain.length).put("partHash", Aes.sha256(plain))
                    .put("encryptedPartSize", encrypted.length).put("encryptedPartHash", Aes.sha256(encrypted))
                    .put("expirationDate", "2099-01-01T00:00:00+00:00");
        }
        return respond(200, body.toString());
    }

    static byte[] zip(Window window) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ObjectNode metadata = JSON.createObjectNode();
            ArrayNode invoices = metadata.putArray("invoices");
            for (StoredInvoice invoice : window.invoices()) {
                invoices.add(metadata(invoice));
                if (invoice.xml() != null) {
                    zip.putNextEntry(new ZipEntry(invoice.ksefNumber() + ".xml"));
                    zip.write(invoice.xml());
                }
            }
            zip.putNextEntry(new ZipEntry("_metadata.json"));
            zip.write(metadata.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static ObjectNode metadata(StoredInvoice invoice) {
        ObjectNode node = JSON.createObjectNode().put("ksefNumber", invoice.ksefNumber())
                .put("invoiceNumber", "FV/" + invoice.ksefNumber().substring(20, 24)).put("issueDate", "2025-08-27")
                .put("invoicingDate", invoice.permanentStorageDate().toString())
                .put("acquisitionDate", invoice.permanentStorageDate().toString())
                .put("permanentStorageDate", invoice.permanentStorageDate().toString())
                .put("netAmount", 100).put("grossAmount", 123).put("vatAmount", 23).put("currency", "PLN")
                .put("invoicingMode", "Online").put("invoiceType", "Vat").put("isSelfInvoicing", false)
                .put("hasAttachment", false).put("invoiceHash", "EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=");
        node.putObject("seller").put("nip", "5265877635").put("name", "Seller");
        node.putObject("buyer").putObject("identifier").put("type", "Nip").put("value", "7352765225");
        node.putObject("formCode").put("systemCode", "FA (3)").put("schemaVersion", "1-0E").put("value", "FA");
        return node;
    }

    private static void putInstant(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static String baseUrl(ServeEvent event) {
        String url = event.getRequest().getAbsoluteUrl();
        return url.substring(0, url.indexOf("/v2/"));
    }

    private static ResponseDefinition respond(int status, String json) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(status);
        return json == null ? builder.build()
                : builder.withHeader("Content-Type", "application/json").withBody(json).build();
    }
}
