package dev.ksefplatform.credentials.lease.domain;

public final class TenantViolation extends LeaseRefused {

    public TenantViolation(String detail) {
        super(DenialReason.TENANT_VIOLATION, detail);
    }
}
