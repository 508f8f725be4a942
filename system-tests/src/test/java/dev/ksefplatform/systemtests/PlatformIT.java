package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Answer;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.deploy.StackSettings;
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform on embedded Kafka, embedded PostgreSQL and the KSeF simulator: invoices travel
 * from a tenant's REST call to a KSeF number in the read model, and every claim of the walking
 * skeleton is checked where a user would see it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final Duration FINAL = Duration.ofSeconds(90);
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final Random RANDOM = new Random(20261122L);

    private static PlatformStack stack;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        long t0 = System.nanoTime();
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line),
                UpstreamSystem.settings(), UpstreamSystem::createTopics);
        client = new PlatformClient(stack);
        System.out.printf("FIGURE stack start: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyTenantsInvoicesReachAcceptedWithAValidKsefNumber() {
        List<Tenant> tenants = List.of(onboard("Alpha"), onboard("Beta"), onboard("Gamma"));
        Map<String, Tenant> commands = new HashMap<>();

        long t0 = System.nanoTime();
        for (Tenant tenant : tenants) {
            for (int i = 0; i < 3; i++) {
                Answer answer = client.submitInvoice(tenant, invoiceOf(tenant.nip()), "application/xml");
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
                assertThat(answer.header("Location")).isEqualTo("/api/v1/invoices/" + answer.body().get("commandId").asText());
                commands.put(answer.body().get("commandId").asText(), tenant);
            }
        }
        commands.forEach((commandId, tenant) -> {
            JsonNode status = client.awaitFinalStatus(tenant, commandId, FINAL);
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ACCEPTED");
            assertThat(KsefNumber.isValid(status.path("ksefNumber").asText())).as(status.toString()).isTrue();
            assertThat(status.path("ksefNumber").asText()).startsWith(tenant.nip());
            assertThat(status.path("ksefStatusCode").asInt()).isEqualTo(200);
        });
        System.out.printf("FIGURE 9 invoices of 3 tenants, submitted to all ACCEPTED: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Tenant one = tenants.get(0);
        long single = System.nanoTime();
        String commandId = client.submitInvoice(one, invoiceOf(one.nip()), "application/xml").body().get("commandId").asText();
        client.awaitFinalStatus(one, commandId, FINAL);
        System.out.printf("FIGURE one invoice end to end (REST 202 -> ACCEPTED in read model): %d ms%n",
                (System.nanoTime() - single) / 1_000_000);
    }

    @Test
    @Order(2)
    void aDuplicateGetsTheOriginalKsefNumber() {
        Tenant tenant = onboard("Delta");
        byte[] invoice = invoiceOf(tenant.nip());

        String first = client.submitInvoice(tenant, invoice, "application/xml").body().get("commandId").asText();
        JsonNode original = client.awaitFinalStatus(tenant, first, FINAL);
        String second = client.submitInvoice(tenant, invoice, "application/xml").body().get("commandId").asText();
        JsonNode duplicate = client.awaitFinalStatus(tenant, second, FINAL);

        assertThat(original.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(duplicate.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("ksefStatusCode").asInt()).isEqualTo(440);
        assertThat(duplicate.path("ksefNumber").asText()).isEqualTo(original.path("ksefNumber").asText());
    }

    @Test
    @Order(3)
    void malformedAndSchemaInvalidInvoicesAreRefusedAndNeverPublished() {
        Tenant tenant = onboard("Epsilon");
        byte[] malformed = "<Faktura><Naglowek>".getBytes(StandardCharsets.UTF_8);
        byte[] schemaInvalid = new String(invoiceOf(tenant.nip()), StandardCharsets.UTF_8)
                .replace("<KodWaluty>PLN</KodWaluty>", "<KodWaluty>ZLOTY</KodWaluty>").getBytes(StandardCharsets.UTF_8);

        for (byte[] bad : List.of(malformed, schemaInvalid)) {
            Answer answer = client.submitInvoice(tenant, bad, "application/xml");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body().path("title").asText()).isNotBlank();
            assertThat(answer.body().path("detail").asText()).isNotBlank();
        }

        List<ConsumerRecord<String, CommandEnvelope>> commands =
                KafkaLog.readAll(stack.kafkaBootstrapServers(), Topics.COMMANDS.name(), new CommandEnvelopeDeserializer());
        assertThat(commands).noneMatch(r -> r.value().getTenantId().equals(tenant.tenantId()));
    }

    @Test
    @Order(4)
    void aTenantCanNeitherReadAnotherTenantsSubmissionNorSubmitWithItsNip() {
        Tenant a = onboard("Zeta");
        Tenant b = onboard("Eta");
        String bCommand = client.submitInvoice(b, invoiceOf(b.nip()), "application/xml").body().get("commandId").asText();
        client.awaitFinalStatus(b, bCommand, FINAL);

        Answer read = client.invoiceStatus(a, bCommand);
        Answer submit = client.submitInvoice(a, invoiceOf(b.nip()), "application/xml");

        assertThat(read.status()).isEqualTo(404);
        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(client.invoiceStatus(b, bCommand).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void anUpstreamSystemsInvoiceForAGrantedTenantEndsAcceptedAndForAnotherIsRefusedBeforeKsef() throws Exception {
        UpstreamSystem upstream = new UpstreamSystem(stack);
        Tenant granted = onboard("Przez ERP");
        Tenant other = onboard("Bez ERP");
        assertThat(upstream.grant(granted)).isEqualTo(204);
        String allowedId = java.util.UUID.randomUUID().toString();
        String refusedId = java.util.UUID.randomUUID().toString();

        upstream.publish(granted, allowedId);
        upstream.publish(other, refusedId);

        JsonNode accepted = client.awaitFinalStatus(granted, allowedId, FINAL);
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(KsefNumber.isValid(accepted.path("ksefNumber").asText())).isTrue();
        assertThat(upstream.listed(granted)).contains(allowedId);
        EventEnvelope refusal = upstream.awaitRefusal(refusedId, FINAL);
        assertThat(refusal.getTenantId()).isEqualTo("upstream:" + UpstreamSystem.ID);
        assertThat(((dev.ksefplatform.schemas.v1.CommandDeadLettered) refusal.getPayload()).getReason())
                .contains("may not act for tenant " + other.tenantId());
        assertThat(client.invoiceStatus(other, refusedId).status()).isEqualTo(404);
        assertThat(upstream.listed(other)).doesNotContain(refusedId);
        assertThat(upstream.simulatorStats(other.nip()).path("invoicesReceived").asLong()).isZero();
        assertThat(upstream.simulatorStats(granted.nip()).path("invoicesReceived").asLong()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void noInvoiceReachedKsefTwice() {
        Answer invoices = client.get(Apps.SIMULATOR, "/sim/v1/invoices", null);
        List<String> keys = new ArrayList<>();
        invoices.body().forEach(i -> keys.add(i.path("sellerNip").asText() + "|" + i.path("invoiceNumber").asText()));

        assertThat(keys).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    @Order(7)
    void everyEventHasExactlyOneAuditRow() throws Exception {
        Set<String> eventIds = KafkaLog.readAll(stack.kafkaBootstrapServers(), Topics.EVENTS.name(), new EventEnvelopeDeserializer())
                .stream().map(ConsumerRecord::value).map(EventEnvelope::getMessageId).collect(Collectors.toSet());
        assertThat(eventIds).isNotEmpty();

        Map<String, Integer> rows = Map.of();
        long deadline = System.nanoTime() + FINAL.toNanos();
        while (System.nanoTime() < deadline) {
            rows = auditRowsPerEvent();
            if (rows.keySet().containsAll(eventIds)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(rows.keySet()).containsAll(eventIds);
        assertThat(rows.values()).allMatch(count -> count == 1);
    }

    private static Map<String, Integer> auditRowsPerEvent() throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = stack.postgres().connect();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT event_id, count(*) FROM audit.audit_log GROUP BY event_id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private static Tenant onboard(String name) {
        return client.onboard(name + " sp. z o.o.", randomNip());
    }

    private static byte[] invoiceOf(String nip) {
        return SampleInvoices.fa3(nip, "FV/" + NUMBERS.incrementAndGet() + "/" + System.nanoTime(), LocalDate.now());
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
