package dev.ksefplatform.commandapi.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits until a consumer group has committed every offset of the event log (its lag is zero). */
final class EventLogDrain implements AutoCloseable {

    private final Admin admin;
    private final String group;

    EventLogDrain(String bootstrapServers, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    void await() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lag() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group " + group + " still lags 60 s after the last event");
            }
            sleep();
        }
    }

    private long lag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            return committed.isEmpty() ? 1 : ends.entrySet().stream()
                    .mapToLong(e -> e.getValue().offset() - committed.get(e.getKey()).offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("the group's lag is unreadable", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
