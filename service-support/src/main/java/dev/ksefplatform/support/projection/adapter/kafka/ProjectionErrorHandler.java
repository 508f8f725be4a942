package dev.ksefplatform.support.projection.adapter.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The projectors' error policy for the events listener's container. */
public final class ProjectionErrorHandler {

    private ProjectionErrorHandler() {
    }

    /**
     * Poison never reaches the container: the listener and the projector skip and count it. What does reach it
     * (the database being down) is transient, so the whole batch is retried without end, backing off up to 30 s;
     * the offsets in the database keep the retry exactly once.
     */
    public static DefaultErrorHandler retryingBatches() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
