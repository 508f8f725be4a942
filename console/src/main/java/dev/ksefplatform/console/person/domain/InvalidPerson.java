package dev.ksefplatform.console.person.domain;

/** A login, password or tenant a new person cannot have. */
public final class InvalidPerson extends RuntimeException {

    public InvalidPerson(String message) {
        super(message);
    }
}
