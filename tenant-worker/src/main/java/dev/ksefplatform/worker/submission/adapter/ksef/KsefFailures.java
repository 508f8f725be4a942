package dev.ksefplatform.worker.submission.adapter.ksef;

import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.worker.submission.application.KsefRefusal;
import dev.ksefplatform.worker.submission.application.TransientFailure;

/** Sorts ksef-client errors into the worker's two failure classes. */
final class KsefFailures {

    private KsefFailures() {
    }

    static RuntimeException translate(KsefException e) {
        Integer status = e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : null;
        if (e instanceof KsefRateLimitedException limited) {
            return new TransientFailure(e.getMessage(), limited.retryAfter(), status, e);
        }
        // An expired access token: the next attempt leases a fresh one.
        if (e instanceof KsefUnauthorizedException || e.retryable()) {
            return new TransientFailure(e.getMessage(), null, status, e);
        }
        return new KsefRefusal(e.getMessage(), status, e);
    }
}
