package dev.ksefplatform.credentials.lease.domain;

/** A lease was refused by {@link LeasePolicy}. Hard failure: callers must not retry. */
public sealed class LeaseRefused extends RuntimeException permits TenantViolation, IntegrationNotActive, ScopeNotGranted {

    private final DenialReason reason;

    protected LeaseRefused(DenialReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public DenialReason reason() {
        return reason;
    }

    public static LeaseRefused of(LeaseDecision.Denied denied) {
        return switch (denied.reason()) {
            case TENANT_VIOLATION -> new TenantViolation(denied.detail());
            case INTEGRATION_NOT_ACTIVE -> new IntegrationNotActive(denied.detail());
            case SCOPE_NOT_GRANTED -> new ScopeNotGranted(denied.detail());
        };
    }
}
