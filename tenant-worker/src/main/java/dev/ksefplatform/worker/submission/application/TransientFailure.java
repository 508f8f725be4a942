package dev.ksefplatform.worker.submission.application;

import java.time.Duration;
import java.util.Optional;

/** A failure that may pass: the command is retried with backoff, no sooner than {@link #retryAfter()}. */
public class TransientFailure extends RuntimeException {

    private final Duration retryAfter;
    private final Integer httpStatus;

    public TransientFailure(String message, Duration retryAfter, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
