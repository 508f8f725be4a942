package dev.ksefplatform.commandapi.deadletter.application;

/** No record at that address of the dead-letter topic: never written, or past the topic's 30-day retention. */
public final class DeadLetterNotFound extends RuntimeException {

    public DeadLetterNotFound(String message) {
        super(message);
    }
}
