package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.support.projection.application.EventReplay;

/** Stops the events listener (waiting for its in-flight batch), resets, and restarts it. */
public final class KafkaEventReplay implements EventReplay {

    private final ListenerControl control;

    public KafkaEventReplay(ListenerControl control) {
        this.control = control;
    }

    @Override
    public void replayFromStart(Runnable reset) {
        control.whileStopped(reset);
    }
}
