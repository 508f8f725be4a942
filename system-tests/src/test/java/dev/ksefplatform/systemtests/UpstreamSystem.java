package dev.ksefplatform.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** An upstream system as the system test plays it: its ingress topic, its grants, what it publishes and sees. */
final class UpstreamSystem {

    static final String ID = "erp-e2e";
    static final String INGRESS = "ksef.ingress." + ID + ".v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final PlatformStack stack;

    UpstreamSystem(PlatformStack stack) {
        this.stack = stack;
    }

    /** The command-api setting and the topics the stack needs for this system (topics are made when it is onboarded). */
    static Map<String, Object> settings() {
        return Map.of("commandapi.upstreams.systems", ID);
    }

    static void createTopics() {
        EmbeddedKafka.createTopics(EmbeddedKafka.get().bootstrapServers(), Topics.ingress(ID));
    }

    int grant(Tenant tenant) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + "/admin/v1/upstreams/" + ID
                        + "/tenants/" + tenant.tenantId())).header("Authorization", "Bearer " + stack.secrets().adminToken())
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A {@code SubmitInvoice} of the tenant's NIP with the given message id, published as an upstream system does. */
    void publish(Tenant tenant, String messageId) throws Exception {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "ERP/" + messageId.substring(0, 8), LocalDate.now());
        CommandEnvelope command = CommandEnvelope.newBuilder().setMessageId(messageId).setTenantId(tenant.tenantId())
                .setCorrelationId(messageId).setOccurredAt(Instant.now()).setSource(ID)
                .setPayload(SubmitInvoice.newBuilder().setContextNip(tenant.nip()).setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256("")
                                .setSellerNip(tenant.nip()).build()).build())
                .build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(INGRESS, tenant.tenantId(),
                new CommandEnvelopeSerializer().serialize(INGRESS, command));
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, messageId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    EventEnvelope awaitRefusal(String messageId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<EventEnvelope> found = KafkaLog.readAll(stack.kafkaBootstrapServers(), Topics.EVENTS.name(),
                    new EventEnvelopeDeserializer()).stream().map(r -> r.value())
                    .filter(e -> messageId.equals(e.getCausationId()) && e.getPayload() instanceof CommandDeadLettered)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no CommandDeadLettered for " + messageId + " within " + timeout);
    }

    /** The command ids of the tenant's first page of {@code GET /api/v1/invoices}. */
    List<String> listed(Tenant tenant) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API)
                        + "/api/v1/invoices")).header("X-API-Key", tenant.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("list answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("items").findValuesAsText("commandId");
    }

    /** The simulator's counters for one context ({@code /sim/v1/stats}). */
    JsonNode simulatorStats(String nip) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.SIMULATOR)
                + "/sim/v1/stats?contextNip=" + nip)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("contexts").path(nip);
    }
}
