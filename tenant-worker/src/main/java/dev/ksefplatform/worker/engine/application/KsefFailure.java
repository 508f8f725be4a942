package dev.ksefplatform.worker.engine.application;

import java.time.Duration;

/**
 * Why a call to KSeF (or to credential-service) did not do its work, in the terms the lane acts on. Messages never
 * carry tokens, keys or documents.
 */
public abstract sealed class KsefFailure extends RuntimeException {

    private final Integer httpStatus;

    KsefFailure(String message, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** 429: KSeF did not process the request. */
    public static final class Throttled extends KsefFailure {
        private final Duration retryAfter;

        public Throttled(Duration retryAfter, Throwable cause) {
            super("KSeF rate limit exceeded, retry after " + retryAfter.toSeconds() + " s", 429, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** 5xx, timeout, transport error, an HTML page: whether a non-idempotent request was processed is unknown. */
    public static final class Unavailable extends KsefFailure {
        private final Duration retryAfter;

        public Unavailable(String message, Integer httpStatus, Duration retryAfter, Throwable cause) {
            super(message, httpStatus, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** 401: the access token is no longer good; a fresh lease may be. */
    public static final class Unauthorized extends KsefFailure {
        public Unauthorized(String message, Throwable cause) {
            super(message, 401, cause);
        }
    }

    /** 403 (missing permissions and the like): the context's credential may no longer act. */
    public static final class Forbidden extends KsefFailure {
        public Forbidden(String message, Throwable cause) {
            super(message, 403, cause);
        }
    }

    /** The online session is not open any more (closed, expired or unknown to KSeF). */
    public static final class SessionGone extends KsefFailure {
        public SessionGone(String message, Integer httpStatus, Throwable cause) {
            super(message, httpStatus, cause);
        }
    }

    /** KSeF refused this particular request (4xx): repeating it would not help. */
    public static final class Refused extends KsefFailure {
        private final Integer code;

        public Refused(String message, Integer httpStatus, Integer code, Throwable cause) {
            super(message, httpStatus, cause);
            this.code = code;
        }

        public Integer code() {
            return code;
        }
    }
}
