package dev.ksefplatform.sync.schedule.application;

/**
 * The tenant has no ACTIVE integration with InvoiceRead granted, so its inbox cannot be synced; {@code status} is
 * what its latest integration is instead (DISABLED, PENDING, EXPIRED, …; ACTIVE when InvoiceRead is missing), or
 * null when it has none.
 */
public final class InboxSyncUnavailable extends RuntimeException {

    private final String integrationStatus;

    public InboxSyncUnavailable(String tenantId, String integrationStatus) {
        super(integrationStatus == null ? "tenant " + tenantId + " has no KSeF integration"
                : "tenant " + tenantId + "'s latest integration is " + integrationStatus
                + ", not ACTIVE with InvoiceRead granted");
        this.integrationStatus = integrationStatus;
    }

    public String integrationStatus() {
        return integrationStatus;
    }
}
