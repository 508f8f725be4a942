package dev.ksefplatform.commandapi.deadletter.domain;

/** A dead letter named in another form than {@code topic-partition@offset}. */
public final class InvalidDeadLetterAddress extends RuntimeException {

    public InvalidDeadLetterAddress(String message) {
        super(message);
    }
}
