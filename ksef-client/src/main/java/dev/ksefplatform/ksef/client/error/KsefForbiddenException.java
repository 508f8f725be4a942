package dev.ksefplatform.ksef.client.error;

/** 403: e.g. {@code missing-permissions}, {@code ip-not-allowed}. */
public class KsefForbiddenException extends KsefException {

    private final String reasonCode;

    public KsefForbiddenException(String reasonCode) {
        super("KSeF forbade the operation: " + reasonCode, 403, null);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
