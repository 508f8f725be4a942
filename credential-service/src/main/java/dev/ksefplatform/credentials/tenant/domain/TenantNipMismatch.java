package dev.ksefplatform.credentials.tenant.domain;

/** A tenant acts only in its own KSeF context: its NIP, as command-api knows it. */
public final class TenantNipMismatch extends TenantException {

    public TenantNipMismatch(String tenantId, String tenantNip, String askedNip) {
        super("tenant " + tenantId + " is the taxpayer with NIP " + tenantNip + ", not " + askedNip
                + ": an integration is registered in the tenant's own NIP");
    }
}
