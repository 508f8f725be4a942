package dev.ksefplatform.audit.projection.adapter.kafka;

import dev.ksefplatform.audit.projection.application.EventReplay;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Stops the events listener (waiting for its in-flight record), resets, and restarts it. */
public final class KafkaEventReplay implements EventReplay {

    private final KafkaListenerEndpointRegistry registry;

    public KafkaEventReplay(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public synchronized void replayFromStart(Runnable reset) {
        MessageListenerContainer container = registry.getListenerContainer(EventsListener.ID);
        if (container == null) {
            throw new IllegalStateException("listener " + EventsListener.ID + " is not registered");
        }
        container.stop();
        try {
            reset.run();
        } finally {
            container.start();
        }
    }
}
