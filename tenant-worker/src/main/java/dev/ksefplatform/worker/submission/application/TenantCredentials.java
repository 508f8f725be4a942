package dev.ksefplatform.worker.submission.application;

/** Leases a tenant's KSeF access token for one context and purpose; the long-lived secret never leaves the vault. */
public interface TenantCredentials {

    /**
     * @throws CredentialLeaseDenied when the vault refuses for good (tenant violation, inactive, scope)
     * @throws TransientFailure      when the vault or KSeF behind it is unavailable
     */
    Lease lease(LeaseRequest request);

    record LeaseRequest(String tenantId, String environment, String contextNip, String purpose) {

        public static final String INVOICE_WRITE = "InvoiceWrite";
    }
}
