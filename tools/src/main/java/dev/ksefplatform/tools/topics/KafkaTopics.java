package dev.ksefplatform.tools.topics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/** The cluster's topics through Kafka's AdminClient. */
final class KafkaTopics {

    private static final java.time.Duration SERVED_WITHIN = java.time.Duration.ofSeconds(30);

    private final Admin admin;

    KafkaTopics(Admin admin) {
        this.admin = admin;
    }

    Optional<TopicState> find(String name, Collection<String> configKeys) {
        if (!await(admin.listTopics().names()).contains(name)) {
            return Optional.empty();
        }
        TopicDescription description = await(admin.describeTopics(List.of(name)).allTopicNames()).get(name);
        int replication = description.partitions().get(0).replicas().size();
        return Optional.of(new TopicState(name, description.partitions().size(), replication, configs(name, configKeys)));
    }

    void create(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor()).configs(spec.configs());
        await(admin.createTopics(List.of(topic)).all());
        awaitServed(spec.name());
    }

    /** Creation returns before every broker knows the topic; whoever runs after this command must find it whole. */
    private void awaitServed(String name) {
        long deadline = System.nanoTime() + SERVED_WITHIN.toNanos();
        while (!served(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + name + " created but not served after " + SERVED_WITHIN);
            }
            pause();
        }
    }

    private boolean served(String name) {
        try {
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, name))).all().get();
            return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            return false; // not known everywhere yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<String, String> configs(String name, Collection<String> keys) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        Set<String> wanted = Set.copyOf(keys);
        return config.entries().stream().filter(e -> wanted.contains(e.name()) && e.value() != null)
                .collect(Collectors.toMap(e -> e.name(), e -> e.value()));
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
