package dev.ksefplatform.ksef.client.poll;

import dev.ksefplatform.ksef.client.error.KsefTransportException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Repeats a status call with growing pauses until the result is final or the timeout passes. */
public final class Poller {

    private final Duration initialInterval;
    private final Duration maxInterval;

    public Poller(Duration initialInterval, Duration maxInterval) {
        this.initialInterval = initialInterval;
        this.maxInterval = maxInterval;
    }

    /** Returns the first final result, or the last result seen when {@code timeout} passes. */
    public <T> T poll(Supplier<T> status, Predicate<T> isFinal, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = initialInterval.toMillis();
        T last = status.get();
        while (!isFinal.test(last)) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            if (remaining <= 0) {
                return last;
            }
            sleep(Math.min(interval, remaining));
            interval = Math.min(interval * 2, maxInterval.toMillis());
            last = status.get();
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefTransportException("Interrupted while polling KSeF", e);
        }
    }
}
