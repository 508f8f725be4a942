package dev.ksefplatform.commandapi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.commandapi.CommandApiApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /admin/v1/platform/consumers} over a real broker: a group's lag is what its committed offsets leave
 * unread, per topic and per worst partition; a group the broker never saw reads DEAD with nothing; only operators ask.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandApiApplication.CONFIG_NAME,
                "commandapi.platform.consumer-groups=it-lag-behind,it-lag-never-started"})
class PlatformConsumersIT {

    private static final String ADMIN_TOKEN = "it-platform-admin-token";
    private static final String CONSOLE_TOKEN = "it-platform-console-token";
    private static final String TOPIC = "it-platform-lag";

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.security.callers.console", () -> CONSOLE_TOKEN);
    }

    /** Six records on partition 0 and five on 1; the group committed 3 and 5: three unread, all on partition 0. */
    @BeforeAll
    static void aGroupBehindOnOnePartition() throws Exception {
        String servers = EmbeddedKafka.get().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 11; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i < 6 ? 0 : 1, "k", "v" + i)).get();
            }
        }
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "it-lag-behind");
        try (var committer = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            committer.commitSync(Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(3),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(5)));
        }
    }

    @Test
    void anOperatorSeesEachGroupsLagPerTopicAndItsWorstPartition() {
        JsonNode items = consumers(ADMIN_TOKEN, 200).path("items");

        assertThat(items).hasSize(2);
        JsonNode behind = items.get(0);
        assertThat(behind.path("group").asText()).isEqualTo("it-lag-behind");
        assertThat(behind.path("state").asText()).isEqualTo("EMPTY");
        assertThat(behind.path("members").asInt()).isZero();
        assertThat(behind.path("lag").asLong()).isEqualTo(3);
        JsonNode topic = behind.path("topics").get(0);
        assertThat(topic.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(topic.path("partitions").asInt()).isEqualTo(2);
        assertThat(topic.path("lag").asLong()).isEqualTo(3);
        assertThat(topic.path("maxPartitionLag").asLong()).isEqualTo(3);
        JsonNode never = items.get(1);
        assertThat(never.path("group").asText()).isEqualTo("it-lag-never-started");
        assertThat(never.path("state").asText()).isEqualTo("DEAD");
        assertThat(never.path("topics")).isEmpty();
    }

    @Test
    void theConsoleMayAskButATenantOrNoOneMayNot() {
        assertThat(consumers(CONSOLE_TOKEN, 200).path("items")).hasSize(2);
        assertThat(consumers("not-a-token", 401).path("status").asInt()).isEqualTo(401);
        client.get().uri("/admin/v1/platform/consumers").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode consumers(String token, int status) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build().get()
                .uri("/admin/v1/platform/consumers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
