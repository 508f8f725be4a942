package dev.ksefplatform.commandapi.submission.adapter.kafka;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether a producer {@code send} can run on the caller's thread (an event loop) without waiting. kafka-clients
 * blocks in {@code send} only while the topic's metadata is missing (the first send, or one after a long pause) or
 * while its buffer is full (the broker is away). So a send runs in place only when the last send completed was
 * acknowledged within a minute (the metadata is known; the producer keeps it for five) and the bytes sent and not
 * yet completed, this one included, fill at most half the producer's buffer; otherwise it moves off the event loop.
 */
final class InPlaceSends {

    private static final long METADATA_FRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final long maxOutstandingBytes;
    private final AtomicLong outstandingBytes = new AtomicLong();
    private volatile boolean lastAcknowledged;
    private volatile long lastAckNanos;

    /** @param producerBufferBytes the producer's {@code buffer.memory} */
    InPlaceSends(long producerBufferBytes) {
        this.maxOutstandingBytes = producerBufferBytes / 2;
    }

    /** True when a send of at most {@code bytes} may run in place now. */
    boolean allowed(long bytes) {
        return lastAcknowledged && System.nanoTime() - lastAckNanos < METADATA_FRESH_NANOS
                && outstandingBytes.get() + bytes <= maxOutstandingBytes;
    }

    /** Every send, in place or not, is outstanding from just before it starts until it completes. */
    void started(long bytes) {
        outstandingBytes.addAndGet(bytes);
    }

    void completed(long bytes, boolean acknowledged) {
        outstandingBytes.addAndGet(-bytes);
        if (acknowledged) {
            lastAckNanos = System.nanoTime();
        }
        lastAcknowledged = acknowledged;
    }
}
