package dev.ksefplatform.commandapi.platform.domain;

/**
 * How far one consumer group is behind on one topic, over the partitions it committed offsets on: the sum of (end
 * offset − committed offset), and the largest single partition's lag (a tenant's work is ordered per partition, so one
 * stuck partition shows here while the sum may look small).
 */
public record TopicLag(String topic, int partitions, long lag, long maxPartitionLag) {
}
