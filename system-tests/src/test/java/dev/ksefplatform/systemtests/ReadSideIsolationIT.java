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
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API probes over the whole platform (one JVM, embedded Kafka and PostgreSQL, the KSeF simulator): tenant A never
 * sees tenant B's submissions or inbox, and guessing B's command id, KSeF number or cursor yields 404, as an unknown
 * one does. Submissions go the whole way (REST, worker, simulator, read model). B's received invoice is written to
 * {@code ksef.events.v1} as the worker's inbox sync writes it, so the probe needs no sync (InboxEndToEndIT runs one).
 */
class ReadSideIsolationIT {

    private static final Duration FINAL = Duration.ofSeconds(90);
    private static final Random RANDOM = new Random(20261203L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
    void aTenantSeesOnlyItsOwnSubmissionsAndGuessedIdsOrCursorsRevealNothing() throws Exception {
        Tenant a = onboard("Theta");
        Tenant b = onboard("Iota");
        List<String> aCommands = List.of(acceptedInvoice(a), acceptedInvoice(a));
        String bCommand = acceptedInvoice(b);

        JsonNode aList = awaitListed(a, "/api/v1/invoices", 2);
        JsonNode aFirstPage = get(a, "/api/v1/invoices?limit=1", 200);
        String aCursor = aFirstPage.path("nextCursor").asText();

        assertThat(commandIds(aList)).containsExactlyInAnyOrderElementsOf(aCommands);
        assertThat(commandIds(awaitListed(b, "/api/v1/invoices", 1))).containsExactly(bCommand);
        assertThat(get(b, "/api/v1/invoices?cursor=" + aCursor, 404).path("type").asText()).endsWith("/cursor-not-found");
        assertThat(get(b, "/api/v1/invoices/" + aCommands.get(0), 404).path("type").asText())
                .endsWith("/command-not-found");
        assertThat(aList.path("items").get(0).path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aTenantNeverSeesAnotherTenantsInboxByNumberXmlOrCursor() throws Exception {
        Tenant a = onboard("Kappa");
        Tenant b = onboard("Lambda");
        List<String> bNumbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            bNumbers.add(received(b, Instant.parse("2026-11-20T08:00:00Z").plusSeconds(60L * i)));
        }
        String aNumber = received(a, Instant.parse("2026-11-20T09:00:00Z"));
        awaitListed(b, "/api/v1/inbox", 2);
        awaitListed(a, "/api/v1/inbox", 1);
        String bCursor = get(b, "/api/v1/inbox?limit=1", 200).path("nextCursor").asText();

        JsonNode foreign = get(a, "/api/v1/inbox/" + bNumbers.get(0), 404);
        JsonNode foreignXml = get(a, "/api/v1/inbox/" + bNumbers.get(0) + "/xml", 404);
        JsonNode unknown = get(a, "/api/v1/inbox/" + ksefNumber(b.nip()), 404);

        assertThat(ksefNumbers(get(a, "/api/v1/inbox", 200))).containsExactly(aNumber);
        assertThat(get(a, "/api/v1/inbox?cursor=" + bCursor, 404).path("type").asText()).endsWith("/cursor-not-found");
        assertThat(List.of(foreign, foreignXml, unknown)).allSatisfy(body -> {
            assertThat(body.path("type").asText()).endsWith("/inbox-invoice-not-found");
            assertThat(body.path("detail").asText()).isEqualTo(unknown.path("detail").asText());
        });
        assertThat(get(b, "/api/v1/inbox/" + bNumbers.get(0), 200).path("ksefNumber").asText()).isEqualTo(bNumbers.get(0));
    }

    private static String acceptedInvoice(Tenant tenant) {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "FV/RS/" + System.nanoTime(), LocalDate.now());
        String commandId = client.submitInvoice(tenant, xml, "application/xml").body().get("commandId").asText();
        awaitAccepted(tenant, commandId);
        return commandId;
    }

    /** {@link PlatformClient#awaitFinalStatus} returns at SENT (in a KSeF session): the verdict comes later. */
    private static void awaitAccepted(Tenant tenant, String commandId) {
        long deadline = System.nanoTime() + FINAL.toNanos();
        String status = client.invoiceStatus(tenant, commandId).body().path("status").asText();
        while (!status.equals("ACCEPTED")) {
            assertThat(status).isIn("PENDING", "SENT");
            assertThat(System.nanoTime()).as("%s still %s", commandId, status).isLessThan(deadline);
            sleep(100);
            status = client.invoiceStatus(tenant, commandId).body().path("status").asText();
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

    /** An {@code InboxInvoiceReceived} for the tenant, as the worker writes it: the XML as KSeF served it and its hash. */
    private static String received(Tenant tenant, Instant storedAt) throws Exception {
        String sellerNip = randomNip();
        String ksefNumber = ksefNumber(sellerNip);
        byte[] xml = SampleInvoices.fa3(sellerNip, "FV/IN/" + System.nanoTime(), LocalDate.now());
        EventEnvelope event = EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setTenantId(tenant.tenantId()).setCorrelationId("sync-" + tenant.tenantId())
                .setCausationId("sync-" + tenant.tenantId()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSource("tenant-worker").setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.export")
                        .setTenantNip(tenant.nip()).build())
                .setPayload(InboxInvoiceReceived.newBuilder().setKsefNumber(ksefNumber).setSubjectType("Subject2")
                        .setSellerNip(sellerNip).setPermanentStorageDate(storedAt)
                        .setInvoiceHash(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(xml)))
                        .setXml(ByteBuffer.wrap(xml)).build())
                .build();
        ProducerRecord<String, EventEnvelope> record = new ProducerRecord<>(Topics.EVENTS.name(), tenant.tenantId(), event);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenant.tenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()), new StringSerializer(),
                new EventEnvelopeSerializer())) {
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
        return ksefNumber;
    }

    private static JsonNode awaitListed(Tenant tenant, String path, int count) throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        JsonNode page = get(tenant, path, 200);
        while (page.path("items").size() < count) {
            assertThat(System.nanoTime()).as("%s never listed %d items: %s", path, count, page).isLessThan(deadline);
            Thread.sleep(200);
            page = get(tenant, path, 200);
        }
        return page;
    }

    private static JsonNode get(Tenant tenant, String path, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(status);
        return response.body().startsWith("<") ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static List<String> commandIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("commandId").asText()));
        return ids;
    }

    private static List<String> ksefNumbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("items").forEach(item -> numbers.add(item.path("ksefNumber").asText()));
        return numbers;
    }

    private static String ksefNumber(String sellerNip) {
        return KsefNumber.of(sellerNip, LocalDate.of(2026, 11, 20),
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
    }

    private static Tenant onboard(String name) {
        return client.onboard(name + " sp. z o.o.", randomNip());
    }

    private static String randomNip() {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + RANDOM.nextInt(9), RANDOM.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }
}
