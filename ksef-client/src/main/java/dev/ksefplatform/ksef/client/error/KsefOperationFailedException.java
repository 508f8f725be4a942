package dev.ksefplatform.ksef.client.error;

/**
 * An asynchronous KSeF operation (authentication, export, ...) reported a final status other than
 * 200 inside a 200 response, or was still running when the client stopped waiting. Subclasses say
 * which statuses are worth retrying.
 */
public abstract class KsefOperationFailedException extends KsefException {

    private final int statusCode;
    private final String description;

    protected KsefOperationFailedException(String operation, int statusCode, String description) {
        super(operation + " ended with status " + statusCode + ": " + description, null, null);
        this.statusCode = statusCode;
        this.description = description;
    }

    public int statusCode() {
        return statusCode;
    }

    public String description() {
        return description;
    }
}
