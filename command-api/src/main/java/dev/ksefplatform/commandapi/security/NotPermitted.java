package dev.ksefplatform.commandapi.security;

/** A known caller asked for an endpoint it has no right to. */
public final class NotPermitted extends RuntimeException {

    public NotPermitted(String caller) {
        super("caller " + caller + " may not use this endpoint");
    }
}
