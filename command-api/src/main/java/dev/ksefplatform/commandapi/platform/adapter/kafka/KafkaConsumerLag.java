package dev.ksefplatform.commandapi.platform.adapter.kafka;

import dev.ksefplatform.commandapi.platform.application.ConsumerLag;
import dev.ksefplatform.commandapi.platform.domain.GroupLag;
import dev.ksefplatform.commandapi.platform.domain.TopicLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lag from Kafka's Admin API: the groups' committed offsets against the partitions' end offsets, one bounded round of
 * calls per request (describe the groups, list their offsets, list the end offsets), each under {@code timeout}.
 * The Admin client's futures block, so the work runs on the bounded-elastic scheduler, never on a request thread.
 */
public final class KafkaConsumerLag implements ConsumerLag {

    private final Admin admin;
    private final List<String> groups;
    private final Duration timeout;

    public KafkaConsumerLag(Admin admin, List<String> groups, Duration timeout) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
        this.timeout = timeout;
    }

    @Override
    public Mono<List<GroupLag>> groups() {
        return Mono.fromCallable(this::read).subscribeOn(Schedulers.boundedElastic());
    }

    private List<GroupLag> read() throws Exception {
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<GroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            ConsumerGroupDescription description = described.get(group);
            lags.add(new GroupLag(group, description == null ? "DEAD" : description.state().name(),
                    description == null ? 0 : description.members().size(), topics(committed(group))));
        }
        return lags;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<TopicLag> topics(Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        if (committed.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, long[]> byTopic = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            long end = ends.get(partition).offset();
            long lag = Math.max(0, end - (offset == null ? 0 : offset.offset()));
            long[] sums = byTopic.computeIfAbsent(partition.topic(), t -> new long[3]);
            sums[0]++;
            sums[1] += lag;
            sums[2] = Math.max(sums[2], lag);
        });
        return byTopic.entrySet().stream()
                .map(e -> new TopicLag(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }
}
