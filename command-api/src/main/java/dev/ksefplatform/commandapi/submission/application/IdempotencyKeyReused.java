package dev.ksefplatform.commandapi.submission.application;

/** The tenant sent a different invoice under an idempotency key it already used. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String commandId) {
        super("this Idempotency-Key was already used for command " + commandId + " with a different invoice");
    }
}
