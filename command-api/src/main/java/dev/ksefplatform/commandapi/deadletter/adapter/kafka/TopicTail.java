package dev.ksefplatform.commandapi.deadletter.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** Bounded reads of one topic by position: one record, or the last few of every partition; within one deadline. */
final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Duration timeout;
    private final long deadline;

    TopicTail(KafkaConsumer<String, byte[]> consumer, String topic, Duration timeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** The record at that offset, or null when the partition has none there (never written, or deleted). */
    ConsumerRecord<String, byte[]> one(int partition, long offset) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partition >= partitions.size()) {
            return null;
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        if (offset < begin || offset >= end) {
            return null;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= offset) {
                    return record.offset() == offset ? record : null; // a gap: a transaction marker, not a record
                }
            }
        }
        throw new TimeoutException("no answer for " + topic + "-" + partition + "@" + offset + " within " + timeout);
    }

    /** Up to {@code perPartition} newest records of each partition. */
    List<ConsumerRecord<String, byte[]>> read(int perPartition) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        List<TopicPartition> nonEmpty = partitions.stream().filter(p -> ends.get(p) > begins.get(p)).toList();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        if (nonEmpty.isEmpty()) {
            return found;
        }
        consumer.assign(nonEmpty);
        nonEmpty.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - perPartition)));
        while (System.nanoTime() < deadline && nonEmpty.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(found::add);
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
