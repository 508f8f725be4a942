package dev.ksefplatform.commandapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.CommandApiApplication;
import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.commandapi.upstream.adapter.kafka.IngressTopics;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.TopicDescriptor;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Upstream systems publish to their own ingress topic and are held to the REST rules (issue #11 item 5): the admin
 * grants a configured system the tenants it may act for; a command for such a tenant is checked, recorded in the command log and forwarded to the worker once, however
 * often it is delivered, with the system as its actor; one for another tenant, an invalid invoice and an undecodable
 * record are refused to the system's dead-letter topic with a {@code CommandDeadLettered} event naming the reason —
 * and the refusal for a tenant the system may not act for is never shown to that tenant.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class UpstreamIngressIT {

    private static final String ADMIN_TOKEN = "it-upstream-admin-token";
    private static final String PROBLEMS = "https://ksef-platform.dev/problems/";

    private static final String SYSTEM = "erp-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final Tenant ALLOWED = new Tenant(UUID.randomUUID().toString(), Invoices.randomNip());
    private static final Tenant OTHER = new Tenant(UUID.randomUUID().toString(), Invoices.randomNip());
    private static boolean tenantsStored;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String kafka = EmbeddedKafka.get().bootstrapServers();
        EmbeddedKafka.createTopics(kafka, List.of(
                new TopicDescriptor(IngressTopics.of(SYSTEM), 3, null, Topics.MAX_MESSAGE_BYTES),
                new TopicDescriptor(IngressTopics.deadLetters(SYSTEM), 3, null, Topics.MAX_MESSAGE_BYTES)));
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> kafka);
        registry.add("commandapi.upstreams.systems[0]", () -> SYSTEM);
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
    }

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void tenantsExistAndTheSystemMayActForOne() throws SQLException {
        if (!tenantsStored) {
            insertTenant(ALLOWED);
            insertTenant(OTHER);
            tenantsStored = true;
        }
        grant("PUT", SYSTEM, ALLOWED.id()).expectStatus().isNoContent();
    }

    @Test
    void theAdminGrantsAndWithdrawsTenantsOfConfiguredSystemsOnly() {
        client.put().uri("/admin/v1/upstreams/{s}/tenants/{t}", SYSTEM, OTHER.id()).exchange()
                .expectStatus().isUnauthorized();
        grant("PUT", "erp-unknown", OTHER.id()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "upstream-not-found");
        grant("PUT", SYSTEM, UUID.randomUUID().toString()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "tenant-not-found");
        grant("PUT", SYSTEM, ALLOWED.id()).expectStatus().isNoContent(); // twice is once

        client.get().uri("/admin/v1/upstreams/{s}/tenants", SYSTEM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].tenantId").isEqualTo(ALLOWED.id());
    }

    @Test
    void aWithdrawnGrantRefusesTheSystemsNextCommand() throws Exception {
        grant("DELETE", SYSTEM, ALLOWED.id()).expectStatus().isNoContent();
        String messageId = UUID.randomUUID().toString();

        publish(ALLOWED.id(), encode(submit(messageId, ALLOWED.id(), Invoices.bytes(ALLOWED.nip(), "UP-4"))));

        EventEnvelope event = refusalOf(messageId);
        assertThat(event.getTenantId()).isEqualTo("upstream:" + SYSTEM);
        assertThat(read(Topics.COMMANDS.name(), new CommandEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getMessageId()))).isEmpty();
    }

    private WebTestClient.ResponseSpec grant(String method, String system, String tenantId) {
        return client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri("/admin/v1/upstreams/{s}/tenants/{t}", system, tenantId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).exchange();
    }

    @Test
    void aCommandForAnAllowedTenantIsRecordedAndForwardedOnceWithTheSystemAsItsActor() throws Exception {
        String messageId = UUID.randomUUID().toString();
        CommandEnvelope command = submit(messageId, ALLOWED.id(), Invoices.bytes(ALLOWED.nip(), "UP-1"));

        publish(ALLOWED.id(), encode(command));
        publish(ALLOWED.id(), encode(command)); // delivered twice

        List<ConsumerRecord<String, CommandEnvelope>> forwarded = await(Topics.COMMANDS.name(),
                new CommandEnvelopeDeserializer(), r -> messageId.equals(r.value().getMessageId()), 1);
        CommandEnvelope sent = forwarded.get(0).value();
        assertThat(forwarded.get(0).key()).isEqualTo(ALLOWED.id());
        assertThat(sent.getTenantId()).isEqualTo(ALLOWED.id());
        assertThat(sent.getActor().getType()).isEqualTo("UPSTREAM");
        assertThat(sent.getActor().getId()).isEqualTo(SYSTEM);
        assertThat(((SubmitInvoice) sent.getPayload()).getContextNip()).isEqualTo(ALLOWED.nip());
        assertThat(query("SELECT upstream_id FROM gateway.commands WHERE command_id = ?::uuid", messageId))
                .containsExactly(SYSTEM);
        Thread.sleep(2_000); // the second delivery has been taken by now (one partition, in order)
        assertThat(read(Topics.COMMANDS.name(), new CommandEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getMessageId()))).hasSize(1);
    }

    @Test
    void aCommandForATenantTheSystemMayNotActForIsRefusedAndNeverShownToThatTenant() throws Exception {
        String messageId = UUID.randomUUID().toString();

        publish(OTHER.id(), encode(submit(messageId, OTHER.id(), Invoices.bytes(OTHER.nip(), "UP-2"))));

        EventEnvelope event = refusalOf(messageId);
        assertThat(event.getTenantId()).isEqualTo("upstream:" + SYSTEM);
        assertThat(((CommandDeadLettered) event.getPayload()).getReason()).contains("may not act for tenant " + OTHER.id());
        assertThat(deadLetterOf(messageId).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(query("SELECT command_id::text FROM gateway.commands WHERE command_id = ?::uuid", messageId)).isEmpty();
        assertThat(read(Topics.COMMANDS.name(), new CommandEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getMessageId()))).isEmpty();
    }

    @Test
    void anInvoiceOfAnotherSellerIsRefusedToTheTenantWithTheReason() throws Exception {
        String messageId = UUID.randomUUID().toString();

        publish(ALLOWED.id(), encode(submit(messageId, ALLOWED.id(), Invoices.bytes(OTHER.nip(), "UP-3"))));

        EventEnvelope event = refusalOf(messageId);
        assertThat(event.getTenantId()).isEqualTo(ALLOWED.id());
        assertThat(event.getAudit().getActor().getId()).isEqualTo(SYSTEM);
        assertThat(((CommandDeadLettered) event.getPayload()).getReason()).containsIgnoringCase("seller");
        assertThat(read(Topics.COMMANDS.name(), new CommandEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getMessageId()))).isEmpty();
    }

    @Test
    void aCommandCreatedLongerAgoThanTheCommandLogRemembersIsRefusedToTheTenant() throws Exception {
        String messageId = UUID.randomUUID().toString();
        CommandEnvelope command = submit(messageId, ALLOWED.id(), Invoices.bytes(ALLOWED.nip(), "UP-5"));
        // the default retention keeps 35 days; the refusal starts a day before, for the systems' clocks
        command.setOccurredAt(Instant.now().minus(java.time.Duration.ofDays(34)).minusSeconds(60));

        publish(ALLOWED.id(), encode(command));

        EventEnvelope event = refusalOf(messageId);
        assertThat(event.getTenantId()).isEqualTo(ALLOWED.id());
        assertThat(((CommandDeadLettered) event.getPayload()).getReason()).contains("may have run already");
        assertThat(query("SELECT command_id::text FROM gateway.commands WHERE command_id = ?::uuid", messageId)).isEmpty();
        assertThat(read(Topics.COMMANDS.name(), new CommandEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getMessageId()))).isEmpty();
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAsItCameWithAnEvent() throws Exception {
        String messageId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> junk = new ProducerRecord<>(IngressTopics.of(SYSTEM), ALLOWED.id(),
                "not avro".getBytes(StandardCharsets.UTF_8));
        MessageHeaders.put(junk.headers(), MessageHeaders.MESSAGE_ID, messageId);

        send(junk);

        assertThat(new String(deadLetterOf(messageId).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(((CommandDeadLettered) refusalOf(messageId).getPayload()).getReason()).startsWith("undecodable");
    }

    private EventEnvelope refusalOf(String messageId) {
        return await(Topics.EVENTS.name(), new EventEnvelopeDeserializer(),
                r -> messageId.equals(r.value().getCausationId()) && r.value().getPayload() instanceof CommandDeadLettered,
                1).get(0).value();
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String messageId) {
        return await(IngressTopics.deadLetters(SYSTEM), new ByteArrayDeserializer(),
                r -> MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).filter(messageId::equals).isPresent(),
                1).get(0);
    }

    private static CommandEnvelope submit(String messageId, String tenantId, byte[] xml) {
        return CommandEnvelope.newBuilder().setMessageId(messageId).setTenantId(tenantId).setCorrelationId(messageId)
                .setOccurredAt(Instant.now()).setSource(SYSTEM)
                .setPayload(SubmitInvoice.newBuilder().setContextNip("0000000000").setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256("not checked")
                                .setSellerNip("0000000000").build()).build())
                .build();
    }

    private static byte[] encode(CommandEnvelope command) {
        return new CommandEnvelopeSerializer().serialize(IngressTopics.of(SYSTEM), command);
    }

    private static void publish(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(IngressTopics.of(SYSTEM), 0, key, value);
        send(record);
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static <T> List<ConsumerRecord<String, T>> await(String topic, Deserializer<T> values,
                                                            Predicate<ConsumerRecord<String, T>> match, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, T>> found = read(topic, values, match);
        while (found.size() < count) {
            assertThat(System.nanoTime()).as("%d matching record(s) on %s within 30 s", count, topic).isLessThan(deadline);
            sleep(200);
            found = read(topic, values, match);
        }
        return found;
    }

    /** The matching records the topic holds now, read from the beginning to its end. */
    private static <T> List<ConsumerRecord<String, T>> read(String topic, Deserializer<T> values,
                                                           Predicate<ConsumerRecord<String, T>> match) {
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, T>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && match.test(r)) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }

    private static void insertTenant(Tenant tenant) throws SQLException {
        try (Connection c = EmbeddedPostgres.get().connect(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO gateway.tenants (id, name, nip, api_key_sha256, status, created_at)
                VALUES (?::uuid, 'Upstream test', ?, ?, 'ACTIVE', now())""")) {
            s.setString(1, tenant.id());
            s.setString(2, tenant.nip());
            s.setString(3, UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""));
            s.executeUpdate();
        }
    }

    private static List<String> query(String sql, String arg) throws SQLException {
        try (Connection c = EmbeddedPostgres.get().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
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

    private record Tenant(String id, String nip) {
    }
}
