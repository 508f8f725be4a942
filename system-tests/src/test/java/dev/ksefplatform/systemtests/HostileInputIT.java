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
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.SyncInbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #12's fuzz proof: thousands of bad inputs at the tenant REST API and at the Kafka ingress
 * ({@code ksef.commands.v1}) of the whole platform. Zero 5xx, every REST refusal a problem+json, every bad record a
 * dead letter with a {@code CommandDeadLettered} event naming it, and afterwards every consumer still working: a
 * valid invoice goes to ACCEPTED and every service reports UP. Counts: {@code -Dfuzz.rest} (default 7,000) and
 * {@code -Dfuzz.kafka} (default 3,000); the seed is fixed, so a failure replays.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261203L;
    private static final int REST = Integer.getInteger("fuzz.rest", 7_000);
    private static final int KAFKA = Integer.getInteger("fuzz.kafka", 3_000);
    private static final String PROBLEM_JSON = "application/problem+json";

    private static PlatformStack stack;
    private static PlatformClient client;
    private static Tenant tenant;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startPlatform() {
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line));
        client = new PlatformClient(stack);
        tenant = client.onboard("Fuzz sp. z o.o.", nip(new Random(System.nanoTime()))); // one PostgreSQL per JVM: no fixed NIP
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void badInputsAtRestAndKafkaAreRefusedWithReasonsAndBreakNothing() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        long t0 = System.nanoTime();
        for (int n = 0; n < REST; n++) {
            HostileInputs.Input input = HostileInputs.next(random, n, invoice(n));
            HttpResponse<String> response = postInvoice(n, input, contentType(random, input.kind()));
            statuses.merge(input.kind() + " " + response.statusCode(), 1, Integer::sum);
            assertRefusedProperly(input.kind(), response);
        }
        for (int n = 0; n < REST / 10; n++) {
            HttpResponse<String> response = brokenJson(random, n);
            statuses.merge("json " + response.request().uri().getPath() + " " + response.statusCode(), 1, Integer::sum);
            assertRefusedProperly("broken-json", response);
        }
        double restSeconds = (System.nanoTime() - t0) / 1e9;

        Set<String> bad = publishBadRecords(random);
        awaitDeadLetters(bad);

        JsonNode last = client.awaitFinalStatus(tenant, client.submitInvoice(tenant, invoice(-1), "application/xml")
                .body().get("commandId").asText(), Duration.ofSeconds(120));
        assertThat(last.path("status").asText()).isEqualTo("ACCEPTED");
        for (String app : List.of(Apps.COMMAND_API, Apps.TENANT_WORKER, Apps.CREDENTIAL_SERVICE, Apps.SYNC_SERVICE,
                Apps.AUDIT_PROJECTOR)) {
            assertThat(client.get(app, "/actuator/health", null).body().path("status").asText()).as(app).isEqualTo("UP");
        }
        System.out.printf("FIGURE fuzz: %,d REST bodies + %,d broken JSON in %.1f s, 0 × 5xx; %,d bad Kafka records,"
                + " %,d dead-lettered with an event; consumers alive%n", REST, REST / 10, restSeconds, bad.size(), bad.size());
        System.out.println("FIGURE fuzz statuses: " + statuses);
    }

    /** A 2xx is allowed (a flipped byte may leave a valid invoice); anything else is a 4xx problem+json. */
    private static void assertRefusedProperly(String kind, HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        assertThat(status).as(kind + ": " + response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(kind).startsWith(PROBLEM_JSON);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(kind).isEqualTo(status);
            assertThat(problem.path("title").asText()).as(kind).isNotBlank();
        }
    }

    private static HttpResponse<String> postInvoice(int n, HostileInputs.Input input, String contentType)
            throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + "/api/v1/invoices"))
                    .timeout(Duration.ofSeconds(60)).header("X-API-Key", tenant.apiKey())
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(input.body()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            // the services run in this JVM: what they were doing says why the request hung
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.out.println("THREAD " + thread.getName() + " " + thread.getState());
                for (StackTraceElement frame : stack) {
                    System.out.println("    at " + frame);
                }
            });
            throw new AssertionError("input " + n + " (" + input.kind() + ", " + input.body().length + " bytes, "
                    + contentType + ") got no answer within 60 s", e);
        }
    }

    private static HttpResponse<String> brokenJson(Random random, int n) throws Exception {
        String[] bodies = {"{", "{\"name\": ", "[1,2", "{\"name\": \"x\", \"nip\": 12}", "\u0000\u0001", "{\"a\":"
                + "{".repeat(2_000), "nul", "{\"name\": \"" + "\\u0000".repeat(100) + "\"}"};
        String body = bodies[random.nextInt(bodies.length)];
        boolean admin = n % 2 == 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API)
                        + (admin ? "/admin/v1/tenants" : "/api/v1/inbox/sync")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (admin) {
            request.header("Authorization", "Bearer " + stack.secrets().adminToken());
        } else {
            request.header("X-API-Key", tenant.apiKey());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(Random random, String kind) {
        if (kind.startsWith("json")) {
            return "application/json";
        }
        String[] types = {"application/xml", "application/xml", "text/xml", "application/xml; charset=UTF-16",
                "application/octet-stream"};
        return types[random.nextInt(types.length)];
    }

    /** Records no worker can take: each carries its own message id, which its dead letter and event must name. */
    private static Set<String> publishBadRecords(Random random) throws Exception {
        Set<String> ids = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (int n = 0; n < KAFKA; n++) {
                String id = "fuzz-" + n + "-" + UUID.randomUUID();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS.name(), tenant.tenantId(),
                        badRecord(random, n, id));
                MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, id);
                MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenant.tenantId());
                sends.add(producer.send(record));
                ids.add(id);
            }
            for (Future<?> send : sends) {
                send.get();
            }
        }
        return ids;
    }

    private static byte[] badRecord(Random random, int n, String id) {
        byte[] valid = new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), command(id, invoice(n)));
        switch (n % 6) {
            case 0:
                return Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
            case 1: {
                byte[] bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 2: {
                byte[] unknownSchema = valid.clone();
                for (int i = 2; i < 10; i++) {
                    unknownSchema[i] = (byte) random.nextInt(256);
                }
                return unknownSchema;
            }
            case 3:
                return new EventEnvelopeSerializer().serialize(Topics.EVENTS.name(), wrongSchema(id));
            case 4:
                return new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), command(id, new byte[0]));
            default:
                return new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), unknownSubject(id));
        }
    }

    private static void awaitDeadLetters(Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Set<String> dead = new HashSet<>();
        Set<String> events = new HashSet<>();
        while (System.nanoTime() < deadline && (!dead.containsAll(ids) || !events.containsAll(ids))) {
            for (ConsumerRecord<String, byte[]> record : KafkaLog.readAll(stack.kafkaBootstrapServers(),
                    Topics.COMMANDS_DLT.name(), new ByteArrayDeserializer())) {
                MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID).ifPresent(dead::add);
            }
            for (ConsumerRecord<String, EventEnvelope> record : KafkaLog.readAll(stack.kafkaBootstrapServers(),
                    Topics.EVENTS.name(), new EventEnvelopeDeserializer())) {
                if (record.value() != null && record.value().getPayload() instanceof CommandDeadLettered dl
                        && !dl.getReason().isBlank()) {
                    events.add(record.value().getCausationId());
                }
            }
            Thread.sleep(1_000);
        }
        assertThat(ids).as("dead letters").allMatch(dead::contains);
        assertThat(ids).as("CommandDeadLettered events").allMatch(events::contains);
    }

    private static CommandEnvelope command(String id, byte[] xml) {
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenant.tenantId()).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("fuzz")
                .setPayload(SubmitInvoice.newBuilder().setContextNip(tenant.nip()).setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256("x")
                                .setSellerNip(tenant.nip()).setInvoiceNumber("FUZZ").build()).build())
                .build();
    }

    private static CommandEnvelope unknownSubject(String id) {
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenant.tenantId()).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("fuzz")
                .setPayload(SyncInbox.newBuilder().setContextNip(tenant.nip()).setSubjectType("Subject9")
                        .setTrigger("REQUEST").build()).build();
    }

    private static EventEnvelope wrongSchema(String id) {
        return EventEnvelope.newBuilder().setMessageId(id).setTenantId(tenant.tenantId()).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("fuzz").setAudit(AuditInfo.newBuilder().setOperation("fuzz").build())
                .setPayload(RateLimited.newBuilder().setRetryAfterSeconds(1).build()).build();
    }

    private static byte[] invoice(int n) {
        return SampleInvoices.fa3(tenant.nip(), "FUZZ/" + n + "/" + System.nanoTime(), LocalDate.now());
    }

    private static String nip(Random random) {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + random.nextInt(9), random.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }
}
