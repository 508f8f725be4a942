package dev.ksefplatform.credentials.tenant.domain;

/** A tenant as command-api vouched for it: its id (the same everywhere) and its NIP. */
public record GatewayTenant(String tenantId, String nip) {

    /** @throws TenantNipMismatch unless {@code nip} is the tenant's own */
    public void requireNip(String askedNip) {
        if (!nip.equals(askedNip)) {
            throw new TenantNipMismatch(tenantId, nip, askedNip);
        }
    }
}
