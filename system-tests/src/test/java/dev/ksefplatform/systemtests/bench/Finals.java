package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code ksef.events.v1} from its end on a thread of its own and remembers each command's final event
 * (accepted, rejected, duplicate, abandoned or dead-lettered) and when it was seen.
 */
final class Finals implements AutoCloseable {

    private static final Set<Class<?>> FINAL = Set.of(InvoiceAccepted.class, InvoiceRejected.class,
            InvoiceDuplicate.class, InvoiceSubmissionAbandoned.class, CommandDeadLettered.class);

    /** A command's final event: its type and when this watcher saw it. */
    record Final(String type, long seenNanos) {
    }

    private final Map<String, Final> finals = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean open = true;
    private volatile long lastEventNanos = System.nanoTime();

    Finals(String bootstrap) {
        KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new EventEnvelopeDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name()).stream()
                .map(p -> new TopicPartition(Topics.EVENTS.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(() -> read(consumer), "bench-finals");
        reader.start();
    }

    private void read(KafkaConsumer<String, EventEnvelope> consumer) {
        try (consumer) {
            while (open) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    lastEventNanos = System.nanoTime();
                    EventEnvelope event = r.value();
                    if (FINAL.contains(event.getPayload().getClass())) {
                        finals.putIfAbsent(event.getCorrelationId(),
                                new Final(event.getPayload().getClass().getSimpleName(), System.nanoTime()));
                    }
                });
            }
        }
    }

    /**
     * Waits until every command has its final event or {@code timeout} passes, printing progress every 10 s; the
     * {@link System#nanoTime()} of the last final event seen.
     */
    long await(String what, Set<String> commands, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long report = start;
        while (missing(commands) > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() - report > 10_000_000_000L) {
                report = System.nanoTime();
                System.out.printf("  … %s: %,d of %,d final after %.0f s%n", what, commands.size() - missing(commands),
                        commands.size(), (report - start) / 1e9);
            }
            pause();
        }
        return commands.stream().map(finals::get).filter(f -> f != null).mapToLong(Final::seenNanos).max().orElse(start);
    }

    /**
     * Waits until no event at all has been written for {@code quiet} (at most {@code max}): invoices whose request
     * timed out on the client may still have been accepted, and their work must not run into the next window.
     */
    void awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() - lastEventNanos < quiet.toNanos() && System.nanoTime() < deadline) {
            pause();
        }
    }

    /** Commands with a final event so far, whoever sent them (a request the client gave up on may have been taken). */
    int count() {
        return finals.size();
    }

    long missing(Set<String> commands) {
        return commands.stream().filter(c -> !finals.containsKey(c)).count();
    }

    /** final event type → how many of these commands ended so. */
    Map<String, Integer> outcomes(Set<String> commands) {
        Map<String, Integer> byType = new TreeMap<>();
        commands.stream().map(finals::get).filter(f -> f != null).forEach(f -> byType.merge(f.type(), 1, Integer::sum));
        return byType;
    }

    @Override
    public void close() {
        open = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
