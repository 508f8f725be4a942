package dev.ksefplatform.commandapi.upstream;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The ingress consumers' lifecycle: none when no upstream system is configured. */
final class IngressRuntime implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<String, byte[]> listeners;

    IngressRuntime(ConcurrentMessageListenerContainer<String, byte[]> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void start() {
        if (listeners != null) {
            listeners.start();
        }
    }

    @Override
    public void stop() {
        if (listeners != null) {
            listeners.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return listeners != null && listeners.isRunning();
    }
}
