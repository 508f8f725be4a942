package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.support.projection.application.EventReplay;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Stops the events listener (waiting for its in-flight record), resets, and restarts it. */
public final class KafkaEventReplay implements EventReplay {

    private final KafkaListenerEndpointRegistry registry;
    private final String listenerId;

    public KafkaEventReplay(KafkaListenerEndpointRegistry registry, String listenerId) {
        this.registry = registry;
        this.listenerId = listenerId;
    }

    @Override
    public synchronized void replayFromStart(Runnable reset) {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("listener " + listenerId + " is not registered");
        }
        container.stop();
        try {
            reset.run();
        } finally {
            container.start();
        }
    }
}
