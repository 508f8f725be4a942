package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.worker.submission.application.TransientFailure;
import io.confluent.parallelconsumer.RecordContext;
import java.time.Duration;
import java.util.function.Function;

/**
 * How long a failed command waits in its lane before the next attempt: exponential backoff, or
 * longer when KSeF asked for it with Retry-After, capped. Only that tenant's lane waits.
 */
public class RetryDelay implements Function<RecordContext<String, Object>, Duration> {

    private final Duration initialInterval;
    private final double multiplier;
    private final Duration maxInterval;
    private final Duration maxRetryAfter;

    public RetryDelay(Duration initialInterval, double multiplier, Duration maxInterval, Duration maxRetryAfter) {
        this.initialInterval = initialInterval;
        this.multiplier = multiplier;
        this.maxInterval = maxInterval;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public Duration apply(RecordContext<String, Object> record) {
        return after(record.getNumberOfFailedAttempts(), record.getLastFailureReason().orElse(null));
    }

    /**
     * @param failedAttempts how many attempts failed so far, the last one included
     */
    Duration after(int failedAttempts, Throwable lastFailure) {
        double backOff = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long backOffMillis = (long) Math.min(backOff, maxInterval.toMillis());
        long retryAfterMillis = retryAfter(lastFailure).toMillis();
        return Duration.ofMillis(Math.min(Math.max(backOffMillis, retryAfterMillis), maxRetryAfter.toMillis()));
    }

    private static Duration retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientFailure transientFailure) {
                return transientFailure.retryAfter().orElse(Duration.ZERO);
            }
        }
        return Duration.ZERO;
    }
}
