package dev.ksefplatform.commandapi.security;

/**
 * A person the console acts for: a tenant's user ({@code TENANT}, user id) or an operator impersonating the tenant
 * ({@code STAFF}, operator id, on behalf of the tenant). Only the console's bearer token may name one.
 */
public record ActingPerson(String tenantId, String type, String id) {

    /** The tenant an operator acts for; null for the tenant's own user. */
    public String onBehalfOf() {
        return "STAFF".equals(type) ? tenantId : null;
    }
}
