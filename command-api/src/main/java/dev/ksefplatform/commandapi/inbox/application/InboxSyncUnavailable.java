package dev.ksefplatform.commandapi.inbox.application;

/**
 * The tenant has no ACTIVE integration allowed to read invoices (InvoiceRead), so there is nothing to sync with.
 * {@code integrationStatus} is what its latest integration is instead (null: it has none), so the answer can say
 * what to do.
 */
public final class InboxSyncUnavailable extends RuntimeException {

    private final String integrationStatus;

    public InboxSyncUnavailable(String integrationStatus) {
        super(why(integrationStatus));
        this.integrationStatus = integrationStatus;
    }

    public String integrationStatus() {
        return integrationStatus;
    }

    private static String why(String status) {
        if (status == null) {
            return "no KSeF integration; register one and verify it first";
        }
        return "the KSeF integration is " + status + switch (status) {
            case "DISABLED" -> ": enable it and verify it to sync again";
            case "PENDING" -> ": verify it first";
            case "ERROR", "EXPIRED" -> ": renew its credential and verify it again";
            case "REVOKED" -> ": register a new one";
            case "ACTIVE" -> " without InvoiceRead: grant InvoiceRead in KSeF and verify it again";
            default -> ", not ACTIVE with InvoiceRead";
        };
    }
}
