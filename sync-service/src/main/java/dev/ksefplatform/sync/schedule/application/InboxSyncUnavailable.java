package dev.ksefplatform.sync.schedule.application;

/** The tenant has no ACTIVE integration with InvoiceRead granted, so its inbox cannot be synced. */
public final class InboxSyncUnavailable extends RuntimeException {

    public InboxSyncUnavailable(String tenantId) {
        super("tenant " + tenantId + " has no active integration with InvoiceRead granted");
    }
}
