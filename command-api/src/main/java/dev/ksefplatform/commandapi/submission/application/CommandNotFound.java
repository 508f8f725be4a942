package dev.ksefplatform.commandapi.submission.application;

/** Unknown, or another tenant's: the two are indistinguishable on purpose, down to the message. */
public final class CommandNotFound extends RuntimeException {

    public CommandNotFound() {
        super("no such command");
    }
}
