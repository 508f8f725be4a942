package dev.ksefplatform.commandapi.deadletter.application;

/** The dead letter exists but can never run again (a poison record, an upstream's record). */
public final class DeadLetterNotRedrivable extends RuntimeException {

    public DeadLetterNotRedrivable(String message) {
        super(message);
    }
}
