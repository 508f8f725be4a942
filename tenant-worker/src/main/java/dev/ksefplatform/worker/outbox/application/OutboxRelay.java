package dev.ksefplatform.worker.outbox.application;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox: the oldest rows of the owned partitions, in order, then deletes them. At least once: a crash
 * between the broker's acknowledgement and the delete publishes those records again, with the same message ids, which
 * the projectors recognise. Kafka being down stops only publishing — the lanes go on working with KSeF.
 */
public final class OutboxRelay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final int batchSize;
    private final Duration idle;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running = true;
    private int failures;

    public OutboxRelay(OutboxStore store, OutboxPublisher publisher, int batchSize, Duration idle) {
        this.store = store;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.idle = idle;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (relayOnce() < batchSize) {
                    waitForWork(idle);
                }
                failures = 0;
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying: {}", e.getMessage());
                waitForWork(Duration.ofMillis(Math.min(5_000, 100L << Math.min(++failures, 6))));
            }
        }
    }

    /** Something was written: publish without waiting out the idle pause. */
    public void nudge() {
        nudges.release();
    }

    public void stop() {
        running = false;
        nudges.release();
    }

    /** Publishes one batch; returns how many records it held. */
    public int relayOnce() {
        List<OutboxRecord> records = store.next(batchSize);
        if (!records.isEmpty()) {
            publisher.publish(records);
            store.delete(records.stream().map(OutboxRecord::id).toList());
        }
        return records.size();
    }

    private void waitForWork(Duration pause) {
        try {
            if (nudges.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                nudges.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
