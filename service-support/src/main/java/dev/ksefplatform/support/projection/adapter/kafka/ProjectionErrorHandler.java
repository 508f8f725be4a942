package dev.ksefplatform.support.projection.adapter.kafka;

import java.util.Map;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The projectors' error policy for the events listener's container. */
public final class ProjectionErrorHandler {

    private ProjectionErrorHandler() {
    }

    /**
     * Poison never reaches the container: the listener and the projector skip and count it. What does reach it
     * (the database being down) is transient, so the whole batch is retried without end, backing off up to 30 s;
     * the offsets in the database keep the retry exactly once. Spring Kafka's default of giving up at once on some
     * exception types (a {@code ClassCastException}...) is off: giving up would move the container past a batch
     * that was never applied, and a bug is better met by a stalled, alerting projector than by lost rows.
     */
    public static DefaultErrorHandler retryingBatches() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setClassifications(Map.of(), true);
        return handler;
    }
}
