package dev.ksefplatform.console.commandapi;

/**
 * Whom the console acts for at command-api: the tenant, and the person — {@code TENANT} + user id for a tenant's
 * own user, {@code STAFF} + operator id for an operator acting for the tenant.
 */
public record Caller(String tenantId, String actorType, String actorId) {

    public static Caller tenantUser(String tenantId, String personId) {
        return new Caller(tenantId, "TENANT", personId);
    }

    public static Caller operator(String tenantId, String personId) {
        return new Caller(tenantId, "STAFF", personId);
    }
}
