package dev.ksefplatform.worker.submission.application;

/** KSeF refused a call in a way that repeating it cannot change (4xx other than 401/429). */
public class KsefRefusal extends RuntimeException {

    private final Integer httpStatus;

    public KsefRefusal(String message, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
