package dev.ksefplatform.worker.outbox.application;

import java.util.List;

/** Publishes records in order and returns once the broker acknowledged every one of them. */
@FunctionalInterface
public interface OutboxPublisher {

    void publish(List<OutboxRecord> records);
}
