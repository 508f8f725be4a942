package dev.ksefplatform.commandapi.security;

/** A known caller asked for an endpoint it has no right to. */
public final class NotPermitted extends RuntimeException {

    public NotPermitted(String caller) {
        super("caller " + caller + " may not use this endpoint");
    }

    private NotPermitted(String message, boolean unused) {
        super(message);
    }

    /** Act-for headers from anyone but the console, or naming no valid tenant and person. */
    public static NotPermitted actFor() {
        return new NotPermitted("only the console may act for a person, naming a tenant id, TENANT|STAFF and an id", true);
    }
}
