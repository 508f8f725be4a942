package dev.ksefplatform.commandapi.acting.application;

/** The console named a tenant the gateway does not have. */
public final class ActedForUnknownTenant extends RuntimeException {

    public ActedForUnknownTenant(String tenantId) {
        super("no tenant " + tenantId + ": choose the tenant from GET /admin/v1/tenants");
    }
}
