package dev.ksefplatform.commandapi.security;

/** No credential, or one nobody issued. The message never contains the credential. */
public final class NotAuthenticated extends RuntimeException {

    private NotAuthenticated(String message) {
        super(message);
    }

    public static NotAuthenticated bearer() {
        return new NotAuthenticated("a valid bearer token is required");
    }

    public static NotAuthenticated apiKey() {
        return new NotAuthenticated("a valid X-API-Key header is required");
    }
}
