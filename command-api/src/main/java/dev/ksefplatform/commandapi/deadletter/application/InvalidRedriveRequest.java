package dev.ksefplatform.commandapi.deadletter.application;

/** A re-drive without an operator's identity in the allowed form, or with a note too long. */
public final class InvalidRedriveRequest extends RuntimeException {

    public InvalidRedriveRequest(String message) {
        super(message);
    }
}
