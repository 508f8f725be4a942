package dev.ksefplatform.tools.topics;

import java.util.Map;

/** A topic as the cluster has it: partitions, replication and the configs a descriptor names. */
public record TopicState(String name, int partitions, int replicationFactor, Map<String, String> configs) {
}
