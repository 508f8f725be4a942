package dev.ksefplatform.commandapi.tenant.domain;

import dev.ksefplatform.ksef.id.Nip;
import java.time.Instant;

/** A taxpayer using the platform, bound to its own KSeF context (NIP). */
public record Tenant(String id, String name, String nip, TenantStatus status, Instant createdAt) {

    private static final int MAX_NAME_LENGTH = 200;

    /** A new, active tenant; rejects a blank name or a NIP whose checksum fails. */
    public static Tenant register(String id, String name, String nip, Instant now) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTenant("name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        if (!Nip.isValid(nip)) {
            throw new InvalidNip(nip);
        }
        return new Tenant(id, name.strip(), nip, TenantStatus.ACTIVE, now);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
