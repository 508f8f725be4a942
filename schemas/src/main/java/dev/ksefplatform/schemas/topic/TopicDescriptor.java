package dev.ksefplatform.schemas.topic;

import java.time.Duration;
import java.util.Map;

/**
 * Everything a deployment needs to create a topic. Partition count is a deployment setting, so it
 * is not here: {@link #configs()} carries only what every environment must agree on.
 *
 * @param name            the topic name (wire data, never derived from a class name)
 * @param retention       how long records are kept; {@code null} means forever
 * @param maxMessageBytes the largest record the topic accepts (sized for KSeF's invoice limits)
 */
public record TopicDescriptor(String name, Duration retention, int maxMessageBytes) {

    /** Topic-level configs in Kafka's own keys. */
    public Map<String, String> configs() {
        return Map.of(
                "retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()),
                "max.message.bytes", Integer.toString(maxMessageBytes),
                "cleanup.policy", "delete",
                "min.insync.replicas", "1");
    }
}
