package dev.ksefplatform.credentials.lease.domain;

/** Why a lease was refused; each maps to a stable problem type and is never retried. */
public enum DenialReason {
    TENANT_VIOLATION("tenant-violation"),
    INTEGRATION_NOT_ACTIVE("integration-not-active"),
    SCOPE_NOT_GRANTED("scope-not-granted");

    private final String problemSlug;

    DenialReason(String problemSlug) {
        this.problemSlug = problemSlug;
    }

    public String problemSlug() {
        return problemSlug;
    }
}
