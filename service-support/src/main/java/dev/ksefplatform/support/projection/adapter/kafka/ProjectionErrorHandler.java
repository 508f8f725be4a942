package dev.ksefplatform.support.projection.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The projectors' error policy for the events listener's container. */
public final class ProjectionErrorHandler {

    private ProjectionErrorHandler() {
    }

    /**
     * Undecodable or unmappable records and constraint violations are poison: skipped at once and counted.
     * Anything else (the database being down) is retried without end, backing off up to 30 s.
     */
    public static DefaultErrorHandler skippingPoison(MeterRegistry meters, String consumerGroup) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(new PoisonRecordRecoverer(meters, consumerGroup), backOff);
        handler.addNotRetryableExceptions(UnmappableEvent.class, DataIntegrityViolationException.class);
        return handler;
    }
}
