package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.ksef.client.error.KsefGoneException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.worker.engine.application.KsefFailure;

/** ksef-client's exceptions in the lane's terms. */
final class KsefFailures {

    /** KSeF's codes for "this session is not open" and "no such session (in this context)". */
    static final int SESSION_NOT_OPEN = 21180;
    static final int SESSION_UNKNOWN = 21173;

    private KsefFailures() {
    }

    static KsefFailure translate(KsefException e) {
        Integer status = e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : null;
        if (e instanceof KsefRateLimitedException limited) {
            return new KsefFailure.Throttled(limited.retryAfter(), e);
        }
        if (e instanceof KsefUnauthorizedException) {
            return new KsefFailure.Unauthorized(e.getMessage(), e);
        }
        if (e instanceof KsefForbiddenException) {
            return new KsefFailure.Forbidden(e.getMessage(), e);
        }
        if (e instanceof KsefGoneException) {
            return new KsefFailure.SessionGone(e.getMessage(), status, e);
        }
        if (e instanceof KsefApiException api) {
            if (api.hasErrorCode(SESSION_NOT_OPEN) || api.hasErrorCode(SESSION_UNKNOWN)) {
                return new KsefFailure.SessionGone(e.getMessage(), status, e);
            }
            Integer code = api.errors().isEmpty() ? null : api.errors().get(0).code();
            return new KsefFailure.Refused(e.getMessage(), status, code, e);
        }
        return e.retryable() ? new KsefFailure.Unavailable(e.getMessage(), status, null, e)
                : new KsefFailure.Refused(e.getMessage(), status, null, e);
    }
}
