package dev.ksefplatform.credentials.support;

import dev.ksefplatform.credentials.CredentialServiceApplication;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service over real PostgreSQL and Kafka, started once per test class, and an events reader. */
public final class CredentialServiceHarness implements AutoCloseable {

    public static final String ADMIN = "it-admin-token";
    public static final String WORKER = "it-worker-token";
    public static final String OTHER_CALLER = "it-command-api-token";

    private final ConfigurableApplicationContext context;
    private final KafkaConsumer<String, EventEnvelope> events;
    private final List<ConsumerRecord<String, EventEnvelope>> seen = new ArrayList<>();

    /** @param extraArgs {@code --key=value} properties on top of (or replacing) the harness's own */
    public CredentialServiceHarness(String ksefBaseUrl, String... extraArgs) {
        Map<String, Object> properties = new HashMap<>(EmbeddedPostgres.get().springProperties());
        properties.put("spring.kafka.bootstrap-servers", EmbeddedKafka.get().bootstrapServers());
        properties.put("ksef.environments.TEST.base-url", ksefBaseUrl);
        properties.put("credentials.security.callers.admin", ADMIN);
        properties.put("credentials.security.callers.tenant-worker", WORKER);
        properties.put("credentials.security.callers.command-api", OTHER_CALLER);
        // periodic jobs share one schedule row per database: only the test classes about them switch them on
        properties.put("credentials.reverification.enabled", "false");
        properties.put("credentials.sessions.sweep.enabled", "false");
        // extra arguments replace defaults of the same key (a repeated command-line key would be joined with a comma)
        for (String arg : extraArgs) {
            int eq = arg.indexOf('=');
            properties.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        // Command-line arguments outrank the yml; builder().properties() would not.
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        this.context = CredentialServiceApplication.builder().run(args.toArray(String[]::new));
        this.events = eventsConsumer();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient client(String bearer) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port())
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + bearer).build();
    }

    /** command-api names its tenant to the vault (CONTRACTS §4): an operator may then register the tenant's integrations. */
    public void vouch(String tenantId, String nip) {
        client(OTHER_CALLER).put().uri("/internal/v1/tenants/{tenantId}", tenantId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Map.of("nip", nip))
                .exchange().expectStatus().isNoContent();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Every event on ksef.events.v1 for {@code tenantId}, polling until {@code done} holds or 20 s pass. */
    public List<ConsumerRecord<String, EventEnvelope>> eventsOf(String tenantId,
                                                                Predicate<List<ConsumerRecord<String, EventEnvelope>>> done) {
        return eventsOf(tenantId, done, Duration.ofSeconds(20));
    }

    /** Every event on ksef.events.v1 for {@code tenantId}, polling until {@code done} holds or {@code wait} passes. */
    public List<ConsumerRecord<String, EventEnvelope>> eventsOf(String tenantId,
                                                                Predicate<List<ConsumerRecord<String, EventEnvelope>>> done,
                                                                Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ConsumerRecord<String, EventEnvelope>> mine = List.of();
        while (System.nanoTime() < deadline) {
            events.poll(Duration.ofMillis(200)).forEach(seen::add);
            mine = seen.stream().filter(r -> tenantId.equals(r.key())).toList();
            if (done.test(mine)) {
                return mine;
            }
        }
        return mine;
    }

    private static KafkaConsumer<String, EventEnvelope> eventsConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventEnvelopeDeserializer.class);
        KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Override
    public void close() {
        events.close();
        context.close();
    }
}
