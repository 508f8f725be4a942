package dev.ksefplatform.tools.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Against a real KRaft broker of its own, empty at first (test-support's shared one already has the topics). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsCommandIT {

    private static org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startEmptyBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1).brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    @Order(1)
    void checkReportsEveryTopicMissingOnAnEmptyCluster() {
        Run run = topics("check");

        assertThat(run.exit()).isEqualTo(TopicsCommand.DRIFT);
        assertThat(run.lines()).containsExactlyElementsOf(Topics.all().stream().map(t -> "missing " + t.name()).toList());
    }

    @Test
    @Order(2)
    void createMakesEveryTopicWithItsDescriptorsConfigsAndThePartitionSetting() throws Exception {
        Run run = topics("create", "--partitions", "6");

        assertThat(run.exit()).isEqualTo(TopicsCommand.OK);
        assertThat(run.lines()).containsExactlyElementsOf(
                Topics.all().stream().map(t -> "created " + t.name() + " partitions=6 replication=1").toList());
        try (Admin admin = admin()) {
            var events = admin.describeTopics(List.of(Topics.EVENTS.name())).allTopicNames().get().get(Topics.EVENTS.name());
            assertThat(events.partitions()).hasSize(6);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.COMMANDS_DLT.name());
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(java.time.Duration.ofDays(30).toMillis()));
        }
    }

    @Test
    @Order(3)
    void checkAndCreateAgainSayOkAndChangeNothing() {
        assertThat(topics("check", "--partitions", "6").lines())
                .containsExactlyElementsOf(Topics.all().stream().map(t -> "ok " + t.name() + " partitions=6").toList());
        Run again = topics("create", "--partitions", "6");

        assertThat(again.exit()).isEqualTo(TopicsCommand.OK);
        assertThat(again.lines()).allMatch(line -> line.startsWith("ok "));
    }

    @Test
    @Order(4)
    void reportsAChangedConfigAndAChangedPartitionCountAsDriftWithoutTouchingThem() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource commands = new ConfigResource(ConfigResource.Type.TOPIC, Topics.COMMANDS.name());
            admin.incrementalAlterConfigs(Map.of(commands, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET)))).all().get();
            admin.createPartitions(Map.of(Topics.EVENTS.name(), NewPartitions.increaseTo(8))).all().get();
        }

        Run run = topics("create", "--partitions", "6");

        assertThat(run.exit()).isEqualTo(TopicsCommand.DRIFT);
        assertThat(run.lines()).contains(
                "drift ksef.commands.v1 retention.ms: want 604800000, have 3600000",
                "drift ksef.events.v1 partitions: want 6, have 8 (Kafka cannot remove partitions)",
                "ok ksef.commands.v1-dlt partitions=6");
        assertThat(topics("check", "--partitions", "6").lines()).contains("drift ksef.commands.v1 retention.ms: want 604800000, have 3600000");
    }

    @Test
    @Order(5)
    void anUnreachableClusterIsAnErrorNotAHang(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var config = java.nio.file.Files.writeString(dir.resolve("admin.properties"),
                "default.api.timeout.ms=3000\nrequest.timeout.ms=2000\n");

        Run run = topics("check", "--bootstrap", "localhost:1", "--command-config", config.toString());

        assertThat(run.exit()).isEqualTo(TopicsCommand.USAGE);
        assertThat(run.lines()).singleElement().asString().startsWith("error ");
    }

    private record Run(int exit, List<String> lines) {
    }

    private static Run topics(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (!all.contains("--bootstrap")) {
            all.addAll(List.of("--bootstrap", broker.getBrokersAsString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TopicsCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
    }
}
