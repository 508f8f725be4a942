package dev.ksefplatform.testsupport;

import dev.ksefplatform.schemas.topic.TopicDescriptor;
import dev.ksefplatform.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft mode, no ZooKeeper) per JVM, with the platform's topics created as
 * {@link Topics} describes them. Started on first use, stopped when the JVM exits.
 */
public final class EmbeddedKafka {

    private static volatile EmbeddedKafka instance;

    private final org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    private EmbeddedKafka(int port) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES),
                "auto.create.topics.enable", "false"));
        if (port > 0) {
            // the KRaft test kit ignores kafkaPorts(); its client listener is named EXTERNAL
            properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
        this.broker = new EmbeddedKafkaKraftBroker(1, Topics.DEFAULT_PARTITIONS).brokerProperties(properties);
        broker.afterPropertiesSet();
        createTopics(broker.getBrokersAsString(), Topics.all());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
    }

    /** The shared broker on a free port. */
    public static EmbeddedKafka get() {
        return start(0);
    }

    /** The shared broker, on {@code port} if this call starts it (0 = any free port). */
    public static synchronized EmbeddedKafka start(int port) {
        if (instance == null) {
            instance = new EmbeddedKafka(port);
        }
        return instance;
    }

    /** Topic creation returns before metadata spreads; clients that start now must see every partition led. */
    private static void awaitLeaders(Admin admin, List<TopicDescriptor> topics) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        List<String> names = topics.stream().map(TopicDescriptor::name).toList();
        while (true) {
            try {
                boolean led = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not ready: " + names, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics have no leaders after 30 s: " + names);
            }
            Thread.sleep(100);
        }
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Creates topics with their descriptor's partitions and configs; existing topics are left as they are. */
    public static void createTopics(String bootstrapServers, List<TopicDescriptor> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            for (TopicDescriptor topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.defaultPartitions(), (short) 1).configs(topic.configs())))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
