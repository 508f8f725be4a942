package dev.ksefplatform.credentials.session.application;

import java.time.Instant;

/**
 * KSeF's rate limits for the context would be exceeded by the next call, and the wait is longer than a caller should
 * hold on: nothing was sent; ask again at {@link #retryAt()}.
 */
public final class KsefBusy extends RuntimeException {

    private final Instant retryAt;

    public KsefBusy(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
