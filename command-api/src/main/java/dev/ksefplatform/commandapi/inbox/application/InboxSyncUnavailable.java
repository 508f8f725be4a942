package dev.ksefplatform.commandapi.inbox.application;

/** The tenant has no ACTIVE integration allowed to read invoices (InvoiceRead), so there is nothing to sync with. */
public final class InboxSyncUnavailable extends RuntimeException {

    public InboxSyncUnavailable() {
        super("no active KSeF integration with InvoiceRead; register and verify one first");
    }
}
