package dev.ksefplatform.schemas.topic;

import java.time.Duration;
import java.util.Map;

/**
 * Everything a deployment needs to create a topic. {@link #configs()} carries what every environment
 * must agree on; the partition count is only a default, since production sets its own and no code
 * may assume it.
 *
 * @param name              the topic name (wire data, never derived from a class name)
 * @param defaultPartitions partitions for the local stack and tests
 * @param retention         how long records are kept; {@code null} means forever
 * @param maxMessageBytes   the largest record the topic accepts (sized for KSeF's invoice limits)
 */
public record TopicDescriptor(String name, int defaultPartitions, Duration retention, int maxMessageBytes) {

    /** Topic-level configs in Kafka's own keys. */
    public Map<String, String> configs() {
        return Map.of(
                "retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()),
                "max.message.bytes", Integer.toString(maxMessageBytes),
                "cleanup.policy", "delete",
                "min.insync.replicas", "1");
    }
}
