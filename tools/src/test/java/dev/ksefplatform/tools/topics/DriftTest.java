package dev.ksefplatform.tools.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

    private final TopicSpec commands = TopicSpec.of(Topics.COMMANDS, null, 3);

    @Test
    void findsNothingWhenTheClusterMatchesTheDescriptor() {
        TopicState same = new TopicState(commands.name(), Topics.DEFAULT_PARTITIONS, 3, commands.configs());

        assertThat(Drift.between(commands, same)).isEmpty();
    }

    @Test
    void reportsPartitionsReplicationAndEveryChangedConfig() {
        Map<String, String> configs = new HashMap<>(commands.configs());
        configs.put("retention.ms", "1000");
        configs.remove("max.message.bytes");

        var drift = Drift.between(commands, new TopicState(commands.name(), 24, 1, configs));

        assertThat(drift).containsExactly(
                "partitions: want 12, have 24 (Kafka cannot remove partitions)",
                "replication factor: want 3, have 1",
                "max.message.bytes: want 8388608, have null",
                "retention.ms: want 604800000, have 1000");
    }

    @Test
    void thePartitionSettingOverridesTheDescriptorsDefault() {
        TopicSpec wide = TopicSpec.of(Topics.EVENTS, 48, 1);

        assertThat(wide.partitions()).isEqualTo(48);
        assertThat(Drift.between(wide, new TopicState(wide.name(), 12, 1, wide.configs())))
                .singleElement().asString().startsWith("partitions: want 48, have 12 (not changed automatically");
    }
}
