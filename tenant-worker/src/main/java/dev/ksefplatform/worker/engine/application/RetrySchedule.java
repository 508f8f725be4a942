package dev.ksefplatform.worker.engine.application;

import java.time.Duration;

/**
 * How long a lane waits after consecutive failures of one kind: exponential from {@code initial} to {@code max}.
 * Waiting has no end: a command is never failed because KSeF, or its permission, is unavailable for a while.
 */
public record RetrySchedule(Duration initial, Duration max, Duration firstPoll, Duration maxPoll) {

    public Duration after(int failures) {
        return grow(initial, max, failures);
    }

    /** The wait before the {@code polls}-th verdict poll of one invoice (0 = the first, shortly after the send). */
    public Duration poll(int polls) {
        return grow(firstPoll, maxPoll, polls + 1);
    }

    private static Duration grow(Duration initial, Duration max, int times) {
        long millis = initial.toMillis() << Math.min(Math.max(times - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
