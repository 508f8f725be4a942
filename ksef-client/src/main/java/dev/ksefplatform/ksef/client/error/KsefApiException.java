package dev.ksefplatform.ksef.client.error;

import java.util.List;

/** KSeF rejected the request (400 and other 4xx without a more specific type). */
public class KsefApiException extends KsefException {

    private final List<KsefError> errors;

    public KsefApiException(int httpStatus, List<KsefError> errors) {
        super("KSeF rejected the request: HTTP " + httpStatus + " " + describe(errors), httpStatus, null);
        this.errors = List.copyOf(errors);
    }

    public List<KsefError> errors() {
        return errors;
    }

    public boolean hasErrorCode(int code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }

    @Override
    public boolean retryable() {
        return false;
    }

    private static String describe(List<KsefError> errors) {
        return errors.stream().map(e -> e.code() + " " + e.description()).toList().toString();
    }
}
