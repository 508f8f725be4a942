package dev.ksefplatform.sync.webhook.domain;

import java.time.Duration;

/** Exponential back-off between attempts ({@code first}, doubling, at most {@code max}), then give up. */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {

    /** The pause after the {@code attempts}-th failed attempt (1-based). */
    public Duration pauseAfter(int attempts) {
        Duration pause = first;
        for (int i = 1; i < attempts && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
