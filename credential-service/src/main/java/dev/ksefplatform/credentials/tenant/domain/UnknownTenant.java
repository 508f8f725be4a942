package dev.ksefplatform.credentials.tenant.domain;

/** command-api never named this tenant to the vault: it is not a tenant of the platform (yet). */
public final class UnknownTenant extends TenantException {

    public UnknownTenant(String tenantId) {
        super("tenant " + tenantId + " is not known to the platform: onboard it in command-api first "
                + "(POST /admin/v1/tenants, which can register its integration in the same call)");
    }
}
