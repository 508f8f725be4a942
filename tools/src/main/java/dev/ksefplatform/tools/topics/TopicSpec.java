package dev.ksefplatform.tools.topics;

import dev.ksefplatform.schemas.topic.TopicDescriptor;
import java.util.Map;

/** A topic as this deployment wants it: a descriptor from {@code schemas} with the deployment's own counts. */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    public static TopicSpec of(TopicDescriptor descriptor, Integer partitions, int replicationFactor) {
        int count = partitions == null ? descriptor.defaultPartitions() : partitions;
        return new TopicSpec(descriptor.name(), count, replicationFactor, descriptor.configs());
    }
}
