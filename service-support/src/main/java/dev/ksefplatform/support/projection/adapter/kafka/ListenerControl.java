package dev.ksefplatform.support.projection.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The one place that stops and starts a projection's listener container, so a rebuild's reset and a change of the
 * number of consumers never interleave (a container restarted in the middle of a reset would resume past the events
 * the reset removed). A stop waits for the batch in flight to commit.
 */
public final class ListenerControl {

    private static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    private final KafkaListenerEndpointRegistry registry;
    private final String listenerId;
    private final int maxConsumers;

    /** @param maxConsumers {@code ksef.projection.consumers} (2): the most consumers the container runs */
    public ListenerControl(KafkaListenerEndpointRegistry registry, String listenerId, int maxConsumers) {
        if (maxConsumers < 1) {
            throw new IllegalArgumentException("maxConsumers must be positive");
        }
        this.registry = registry;
        this.listenerId = listenerId;
        this.maxConsumers = maxConsumers;
    }

    public int maxConsumers() {
        return maxConsumers;
    }

    public String listenerId() {
        return listenerId;
    }

    /**
     * Stops the container, runs {@code whileStopped}, starts it again (also when {@code whileStopped} fails) with the
     * most consumers: what follows a reset is a replay of the whole log, the largest backlog there is.
     */
    public synchronized void whileStopped(Runnable whileStopped) {
        ConcurrentMessageListenerContainer<?, ?> container = concurrent();
        stop(container);
        try {
            whileStopped.run();
        } finally {
            container.setConcurrency(maxConsumers);
            container.start();
        }
    }

    /**
     * Restarts a running container with {@code consumers} consumers; false when it is not running (stopped by an
     * operator, an error handler or a rebuild in progress: left as it is) or already has them.
     */
    public synchronized boolean resize(int consumers) {
        ConcurrentMessageListenerContainer<?, ?> container = concurrent();
        if (!container.isRunning() || container.getConcurrency() == consumers) {
            return false;
        }
        stop(container);
        try {
            container.setConcurrency(consumers);
        } finally {
            container.start();
        }
        return true;
    }

    /** The consumers the container runs with. */
    public int consumers() {
        return concurrent().getConcurrency();
    }

    ConcurrentMessageListenerContainer<?, ?> concurrent() {
        if (container() instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            return concurrent;
        }
        throw new IllegalStateException("listener " + listenerId + " is not a concurrent container");
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("listener " + listenerId + " is not registered");
        }
        return container;
    }

    /** {@code stop()} gives up after the container's shutdown timeout; a batch may take longer to commit. */
    private static void stop(MessageListenerContainer container) {
        container.stop();
        Instant deadline = Instant.now().plus(IN_FLIGHT);
        while (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent && concurrent.isChildRunning()
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
