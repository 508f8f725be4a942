package dev.ksefplatform.commandapi.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.commandapi.CommandApiApplication;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.CommandRedriven;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.VerifyIntegration;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /admin/v1/dead-letters} over a real broker and database: a dead letter's command is re-published once with
 * its own id and the re-drive mark, {@code CommandRedriven} names the operator; what cannot run is a 409, what is
 * gone a 404; only operators ask.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class DeadLetterRedriveIT {

    private static final String ADMIN_TOKEN = "it-dlt-admin-token";
    private static final String CONSOLE_TOKEN = "it-dlt-console-token";
    private static final String OTHER_TOKEN = "it-dlt-sync-token";
    private static final RawTopics TOPICS = new RawTopics(EmbeddedKafka.get().bootstrapServers());

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.security.callers.console", () -> CONSOLE_TOKEN);
        registry.add("commandapi.security.callers.sync-service", () -> OTHER_TOKEN);
    }

    @Test
    void aDeadLetterIsReDrivenOnceWithItsOwnIdAndTheMarkAndCommandRedrivenNamesTheOperator() throws Exception {
        CommandEnvelope command = verify("tenant-dlt-1");
        String address = deadLetter(command.getTenantId(), command.getMessageId(), serialize(command), Topics.COMMANDS.name());

        JsonNode first = redrive(CONSOLE_TOKEN, address, "{\"operator\":\"ops.anna\",\"note\":\"integration added\"}", 200);
        JsonNode again = redrive(ADMIN_TOKEN, address, "{\"operator\":\"ops.bob\"}", 200);

        assertThat(first.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(first.path("repeated").asBoolean()).isFalse();
        assertThat(first.path("commandId").asText()).isEqualTo(command.getMessageId());
        assertThat(again.path("repeated").asBoolean()).isTrue();
        assertThat(again.path("operator").asText()).isEqualTo("ops.anna");
        List<ConsumerRecord<String, byte[]>> republished = TOPICS.read(Topics.COMMANDS.name(),
                r -> address.equals(MessageHeaders.get(r.headers(), MessageHeaders.REDRIVE_OF).orElse(null)));
        assertThat(republished).hasSize(1);
        ConsumerRecord<String, byte[]> record = republished.get(0);
        assertThat(record.key()).isEqualTo("tenant-dlt-1");
        assertThat(record.value()).isEqualTo(serialize(command));
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)).contains(command.getMessageId());
        assertThat(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNull();
        List<EventEnvelope> events = TOPICS.read(Topics.EVENTS.name(), r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.CAUSATION_ID).orElse(null))).stream()
                .map(r -> new EventEnvelopeDeserializer().deserialize(r.topic(), r.headers(), r.value())).toList();
        assertThat(events).hasSize(1);
        CommandRedriven redriven = (CommandRedriven) events.get(0).getPayload();
        assertThat(redriven.getDeadLetter()).isEqualTo(address);
        assertThat(redriven.getOperator()).isEqualTo("ops.anna");
        assertThat(redriven.getNote()).isEqualTo("integration added");
        assertThat(events.get(0).getAudit().getActor().getType()).isEqualTo("STAFF");
        assertThat(events.get(0).getTenantId()).isEqualTo("tenant-dlt-1");
    }

    @Test
    void aPoisonRecordOrAnUpstreamsRecordIsNotRedrivableAndAGoneOneIsNotFound() throws Exception {
        String poison = deadLetter("tenant-dlt-2", "m-" + UUID.randomUUID(), new byte[] {1, 2, 3}, Topics.COMMANDS.name());
        CommandEnvelope upstream = verify("tenant-dlt-2");
        String ingress = deadLetter("tenant-dlt-2", upstream.getMessageId(), serialize(upstream), "ksef.ingress.erp.v1");

        assertThat(redrive(ADMIN_TOKEN, poison, "{\"operator\":\"ops\"}", 409).path("detail").asText())
                .contains("poison");
        assertThat(redrive(ADMIN_TOKEN, ingress, "{\"operator\":\"ops\"}", 409).path("type").asText())
                .endsWith("/dead-letter-not-redrivable");
        assertThat(redrive(ADMIN_TOKEN, Topics.COMMANDS_DLT.name() + "-0@999999", "{\"operator\":\"ops\"}", 404)
                .path("type").asText()).endsWith("/dead-letter-not-found");
        assertThat(redrive(ADMIN_TOKEN, "nonsense", "{\"operator\":\"ops\"}", 400).path("type").asText())
                .endsWith("/invalid-request");
        assertThat(redrive(ADMIN_TOKEN, poison, "{\"operator\":\"not an id!\"}", 400).path("detail").asText())
                .contains("operator");
        assertThat(TOPICS.read(Topics.COMMANDS.name(), r -> poison.equals(MessageHeaders.get(r.headers(),
                MessageHeaders.REDRIVE_OF).orElse(null)))).isEmpty();
    }

    @Test
    void theNewestDeadLettersSayWhetherEachCanBeReDrivenAndOnlyOperatorsAsk() throws Exception {
        String poison = deadLetter("tenant-dlt-3", "m-" + UUID.randomUUID(), new byte[] {9}, Topics.COMMANDS.name());
        CommandEnvelope command = verify("tenant-dlt-3");
        String good = deadLetter(command.getTenantId(), command.getMessageId(), serialize(command), Topics.COMMANDS.name());

        JsonNode items = get("/admin/v1/dead-letters?limit=100", CONSOLE_TOKEN, 200).path("items");

        JsonNode listedGood = find(items, good);
        assertThat(listedGood.path("redrivable").asBoolean()).isTrue();
        assertThat(listedGood.path("commandId").asText()).isEqualTo(command.getMessageId());
        assertThat(listedGood.path("messageType").asText()).isEqualTo("VerifyIntegration");
        assertThat(listedGood.path("reason").asText()).isEqualTo("integration unknown");
        assertThat(find(items, poison).path("redrivable").asBoolean()).isFalse();
        assertThat(find(items, poison).path("notRedrivable").asText()).contains("poison");
        get("/admin/v1/dead-letters", OTHER_TOKEN, 403);
        get("/admin/v1/dead-letters", "unknown", 401);
        redrive(OTHER_TOKEN, good, "{\"operator\":\"ops\"}", 403);
    }

    private static JsonNode find(JsonNode items, String address) {
        for (JsonNode item : items) {
            if (address.equals(item.path("deadLetter").asText())) {
                return item;
            }
        }
        throw new AssertionError(address + " not listed in " + items);
    }

    private static CommandEnvelope verify(String tenantId) {
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenantId).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("it")
                .setPayload(VerifyIntegration.newBuilder().setIntegrationId("int-later").setEnvironment("TEST")
                        .setTrigger("REQUEST").build()).build();
    }

    private static byte[] serialize(CommandEnvelope command) {
        return new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), command);
    }

    /** A dead letter as the worker writes one; its address. */
    private static String deadLetter(String tenantId, String messageId, byte[] value, String from) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS_DLT.name(), tenantId, value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, messageId);
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenantId);
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, from.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "integration unknown".getBytes(StandardCharsets.UTF_8));
        RecordMetadata written = TOPICS.write(record);
        return written.topic() + "-" + written.partition() + "@" + written.offset();
    }

    private JsonNode redrive(String token, String address, String body, int status) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build().post()
                .uri("/admin/v1/dead-letters/{deadLetter}/redrive", address)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    private JsonNode get(String path, String token, int status) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
