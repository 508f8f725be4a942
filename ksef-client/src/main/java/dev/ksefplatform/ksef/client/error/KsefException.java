package dev.ksefplatform.ksef.client.error;

import java.util.OptionalInt;

/** Any failure talking to KSeF. Messages never carry tokens, keys or request bodies. */
public abstract class KsefException extends RuntimeException {

    private final Integer httpStatus;

    protected KsefException(String message, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** Whether the same call may succeed if repeated later (after backoff or Retry-After). */
    public abstract boolean retryable();

    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
