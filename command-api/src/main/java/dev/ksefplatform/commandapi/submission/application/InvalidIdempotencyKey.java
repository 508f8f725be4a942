package dev.ksefplatform.commandapi.submission.application;

public final class InvalidIdempotencyKey extends RuntimeException {

    public InvalidIdempotencyKey(int maxLength) {
        super("Idempotency-Key must be 1.." + maxLength + " printable ASCII characters");
    }
}
